package dev.sluice.purge;

import java.util.List;

/**
 * The ordered, durable log of purge commands: the source of truth every node catches up from.
 * Implementations: in memory (tests), SQLite (single node), PostgreSQL (cluster).
 */
public interface PurgeLog {

    /** Durably appends the request under the next sequence number and returns the command. */
    PurgeCommand append(String id, PurgeRequest request);

    /** Commands with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    List<PurgeCommand> readAfter(long afterSeq, int limit);

    /** The highest sequence appended, 0 when empty. */
    long lastSeq();
}
