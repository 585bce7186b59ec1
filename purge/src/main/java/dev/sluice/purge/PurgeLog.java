package dev.sluice.purge;

import java.time.Instant;
import java.util.List;

/**
 * The ordered, durable log of purge commands: the source of truth every node catches up from.
 * Implementations: in memory (tests), SQLite (single node), PostgreSQL (cluster).
 *
 * <p>The contract, which every implementation passes ({@code PurgeLogContract}):
 *
 * <ul>
 *   <li><b>Transaction.</b> A command is appended in the same transaction as the change that implies
 *       it (a content change, a purge task); nothing is visible before that commit.
 *   <li><b>Order.</b> Sequences start at 1 and grow by 1 with each command, without gaps; subscribers
 *       ({@link PurgeFeed}) are told of each commit's commands in sequence order, after the commit and
 *       before the writer is answered.
 *   <li><b>Visibility.</b> Sequences become visible in order, even with several writing processes: a
 *       reader that sees seq N sees every seq below it, so reading after the highest applied sequence
 *       never skips a command.
 *   <li><b>Retention.</b> {@link #prune} forgets commands older than a cutoff, but never the newest
 *       {@code keepLast}; a reader whose next command was pruned sees the first command it reads jump
 *       past it ({@link #firstSeq}) and must treat everything it holds as purged.
 * </ul>
 */
public interface PurgeLog extends PurgeFeed {

    /**
     * Durably appends the request under the next sequence number, in a transaction of its own, and
     * returns the command once it is committed and announced. Appending an id again returns the
     * command already logged under it when the request is the same and is a CONFLICT otherwise.
     */
    PurgeCommand append(String id, PurgeRequest request);

    /** Commands with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    List<PurgeCommand> readAfter(long afterSeq, int limit);

    /** The highest sequence appended, 0 when empty. */
    long lastSeq();

    /** The lowest sequence still held; {@code lastSeq() + 1} when the log holds nothing. */
    long firstSeq();

    /**
     * Forgets commands issued before the cutoff, except the newest {@code keepLast}.
     *
     * @return how many were forgotten
     */
    int prune(Instant cutoff, long keepLast);
}
