package dev.sluice.purge;

/**
 * Where every dialect submits purges. When {@link #submit} returns, the command is durably in the log
 * and applied to this node's cache: no later request on this node gets purged content as fresh.
 */
public interface PurgeService {

    /** Logs and applies the purge; returns the command with its sequence number and id. */
    PurgeCommand submit(PurgeRequest request);
}
