package dev.sluice.control;

import java.util.Map;

/**
 * Usage per key over a rolling window (e.g. a tenant's CDN Pro file URLs in production over 24
 * hours), counted in one-minute buckets on the injected clock: a charge stops counting when the
 * window has passed over its whole minute. Implementations: in memory (one process) and in the store
 * (shared by every control node). Check and charge are one step, so two concurrent requests cannot
 * both take the last tokens.
 */
public interface QuotaLedger {

    /** What the key has used within the window. */
    long used(String key);

    /**
     * Charges every amount when each key's usage stays within its limit, or nothing; returns whether
     * it charged.
     *
     * @param amounts key to amount to charge
     * @param limits key to limit (a key without one is unlimited)
     * @param overrun when true, a key with any tokens left may go over (CDN Pro takes the overrun off
     *     the next window); when false the charge must fit
     */
    boolean tryCharge(Map<String, Long> amounts, Map<String, Long> limits, boolean overrun);

    /** Whether a charge of {@code amount} fits a key that has {@code used} of {@code limit}. */
    static boolean fits(long used, long amount, long limit, boolean overrun) {
        return overrun ? amount == 0 || used < limit : used + amount <= limit;
    }

    /** The one-minute bucket an instant falls in. */
    static long minute(java.time.Instant at) {
        return Math.floorDiv(at.toEpochMilli(), 60_000L);
    }
}
