package dev.sluice.purge;

import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A purge log held in memory: for ephemeral nodes and tests. Behaves as the durable logs do (same
 * ids, same conflicts, same retention), but nothing survives a restart, so a node with a persistent
 * cache must not use it. One lock orders appends and their announcements.
 */
public final class InMemoryPurgeLog implements PurgeLog {

    private final Clock clock;
    private final FeedListeners listeners = new FeedListeners();
    private final List<PurgeCommand> commands = new ArrayList<>();
    private final Map<String, PurgeCommand> byId = new HashMap<>();
    private long pruned;

    public InMemoryPurgeLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized PurgeCommand append(String id, PurgeRequest request) {
        return appendAll(List.of(new Draft(id, request))).getFirst();
    }

    /**
     * Appends several commands as one transaction (all or nothing) and announces them; for stores
     * that keep a record with its commands.
     */
    public synchronized List<PurgeCommand> appendAll(List<Draft> drafts) {
        checkAppendable(drafts);
        List<PurgeCommand> added = new ArrayList<>();
        List<PurgeCommand> fresh = new ArrayList<>();
        for (Draft d : drafts) {
            PurgeCommand existing = fresh.stream()
                    .filter(c -> c.id().equals(d.id()))
                    .findFirst()
                    .orElse(byId.get(d.id()));
            if (existing != null) {
                if (!existing.request().equals(d.request())) {
                    throw conflict(d.id());
                }
                added.add(existing);
                continue;
            }
            PurgeCommand c = new PurgeCommand(
                    lastSeq() + fresh.size() + 1,
                    d.id(),
                    d.request(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            fresh.add(c);
            added.add(c);
        }
        commands.addAll(fresh);
        fresh.forEach(c -> byId.put(c.id(), c));
        listeners.announce(fresh);
        return added;
    }

    /** Throws what {@link #appendAll} would for these drafts (an empty id, a conflicting id). */
    public synchronized void checkAppendable(List<Draft> drafts) {
        for (Draft d : drafts) {
            if (d.id().isEmpty()) {
                throw new IllegalArgumentException("id: \"\" (expected: non-empty)");
            }
            PurgeCommand existing = byId.get(d.id());
            if (existing != null && !existing.request().equals(d.request())) {
                throw conflict(d.id());
            }
        }
    }

    private static SluiceException conflict(String id) {
        return new SluiceException(ErrorKind.CONFLICT, "purge id: %s (expected: unique per request)".formatted(id));
    }

    @Override
    public synchronized List<PurgeCommand> readAfter(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: %s (expected: >= 1)".formatted(limit));
        }
        int from = Math.clamp(afterSeq - pruned, 0, commands.size());
        return List.copyOf(commands.subList(from, Math.min(commands.size(), from + limit)));
    }

    @Override
    public synchronized long lastSeq() {
        return pruned + commands.size();
    }

    @Override
    public synchronized long firstSeq() {
        return pruned + 1;
    }

    @Override
    public synchronized int prune(Instant cutoff, long keepLast) {
        int removable = (int) Math.max(0, commands.size() - keepLast);
        int n = 0;
        while (n < removable && commands.get(n).issuedAt().isBefore(cutoff)) {
            n++;
        }
        commands.subList(0, n).forEach(c -> byId.remove(c.id()));
        commands.subList(0, n).clear();
        pruned += n;
        return n;
    }

    @Override
    public AutoCloseable subscribe(Consumer<PurgeCommand> listener) {
        return listeners.subscribe(listener);
    }

    /**
     * A command to append.
     *
     * @param id its unique id
     * @param request what it purges
     */
    public record Draft(String id, PurgeRequest request) {}
}
