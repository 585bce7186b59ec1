package dev.sluice.purge;

import dev.sluice.cache.CacheStore;
import dev.sluice.core.SluiceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies purge commands to one node's cache, in sequence order, idempotently by sequence.
 *
 * <p>Design notes. The applier starts from the store's applied sequence and skips commands at or
 * below what it has applied. A command past the next expected one means news was lost (a transport
 * gap): {@link #accept} then reads what it missed from the log first. A matcher that no longer
 * compiles (the log holds only validated requests, so this means a bug or a changed validator) purges
 * the whole site instead: over-purging costs origin traffic, under-purging serves stale content.
 * One thread applies at a time; callers on several threads are serialised here.
 *
 * <p>An empty cache starts at the log's head ({@link #startAtHead}): nothing it holds predates the
 * log, so nothing needs replaying and start-up does not grow with history. A node that finds its next
 * command already pruned from the log cannot know what it missed, so it treats everything it holds
 * as purged and continues from the oldest command the log still has.
 */
public final class PurgeApplier {

    private static final Logger log = LoggerFactory.getLogger(PurgeApplier.class);
    private static final int CATCH_UP_BATCH = 500;

    private final CacheStore store;
    private long applied;

    public PurgeApplier(CacheStore store) {
        this.store = store;
        this.applied = store.appliedSeq();
    }

    /** The highest sequence applied. */
    public synchronized long appliedSeq() {
        return applied;
    }

    /**
     * Applies one command unless it was applied before.
     *
     * @return whether it was applied now
     */
    public synchronized boolean apply(PurgeCommand command) {
        if (command.seq() <= applied) {
            return false;
        }
        PurgeRequest r = command.request();
        for (Matcher m : r.matchers()) {
            compileOrWholeSite(command, m).apply(store, r.site(), r.mode(), command.seq());
        }
        applied = command.seq();
        return true;
    }

    /**
     * Applies every command the log commits from now on, in order, before the writer is answered;
     * close the result to stop.
     */
    public AutoCloseable follow(PurgeLog purgeLog) {
        return purgeLog.subscribe(c -> accept(c, purgeLog));
    }

    /** Moves an empty cache to the log's head; returns the sequence it starts at. */
    public synchronized long startAtHead(PurgeLog purgeLog) {
        long head = purgeLog.lastSeq();
        if (head > applied) {
            store.startAt(head);
            applied = head;
        }
        return applied;
    }

    /** Applies a command announced by a transport, catching up from the log first on a gap. */
    public synchronized void accept(PurgeCommand command, PurgeLog purgeLog) {
        if (command.seq() > applied + 1) {
            catchUp(purgeLog);
        }
        apply(command);
    }

    /** Applies every command in the log after the applied sequence; returns how many. */
    public synchronized int catchUp(PurgeLog purgeLog) {
        int count = 0;
        while (true) {
            List<PurgeCommand> batch = purgeLog.readAfter(applied, CATCH_UP_BATCH);
            if (!batch.isEmpty() && batch.getFirst().seq() > applied + 1) {
                long missed = batch.getFirst().seq() - 1;
                log.warn(
                        "purge log pruned past seq {} (applied {}): treating the whole cache as purged",
                        missed,
                        applied);
                store.startAt(missed);
                applied = missed;
            }
            for (PurgeCommand c : batch) {
                if (apply(c)) {
                    count++;
                }
            }
            if (batch.size() < CATCH_UP_BATCH) {
                return count;
            }
        }
    }

    private static CompiledMatcher compileOrWholeSite(PurgeCommand command, Matcher m) {
        try {
            return CompiledMatcher.compile(m);
        } catch (SluiceException e) {
            log.error(
                    "purge {} seq {}: {} no longer compiles, purging the whole site",
                    command.id(),
                    command.seq(),
                    m,
                    e);
            return CompiledMatcher.compile(new Matcher.All());
        }
    }
}
