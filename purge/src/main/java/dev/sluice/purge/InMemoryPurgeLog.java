package dev.sluice.purge;

import dev.sluice.core.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A purge log held in memory: for ephemeral edge nodes and tests. Sequences start at 1 without gaps;
 * nothing survives a restart, so a node with a persistent cache must not use it.
 */
public final class InMemoryPurgeLog implements PurgeLog {

    private final Clock clock;
    private final List<PurgeCommand> commands = new ArrayList<>();

    public InMemoryPurgeLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized PurgeCommand append(String id, PurgeRequest request) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id: \"\" (expected: non-empty)");
        }
        PurgeCommand command = new PurgeCommand(commands.size() + 1L, id, request, clock.instant());
        commands.add(command);
        return command;
    }

    @Override
    public synchronized List<PurgeCommand> readAfter(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: %s (expected: >= 1)".formatted(limit));
        }
        int from = Math.clamp(afterSeq, 0, commands.size());
        return List.copyOf(commands.subList(from, Math.min(commands.size(), from + limit)));
    }

    @Override
    public synchronized long lastSeq() {
        return commands.size();
    }
}
