package dev.sluice.purge;

import java.time.Instant;

/**
 * A purge as recorded in the log: applied by every node, in sequence order, idempotently by seq.
 *
 * @param seq the log position, from 1, without gaps
 * @param id a unique id (the purge task id)
 * @param request what to purge
 * @param issuedAt when it was accepted
 */
public record PurgeCommand(long seq, String id, PurgeRequest request, Instant issuedAt) {}
