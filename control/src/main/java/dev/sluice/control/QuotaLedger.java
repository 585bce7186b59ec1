package dev.sluice.control;

import dev.sluice.core.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Usage per key over a rolling window on the injected clock (e.g. a tenant's CDN Pro file URLs in
 * production over 24 hours).
 *
 * <p>Design notes. Each key keeps its charges (monotonic time, amount) in arrival order and drops
 * those older than the window when read, so memory is bounded by the charges of one window. Callers
 * check and charge in one step ({@link #tryCharge}) under the ledger's lock, so two concurrent
 * requests cannot both take the last tokens.
 */
public final class QuotaLedger {

    private record Charge(long nanos, long amount) {}

    private final Clock clock;
    private final long windowNanos;
    private final Map<String, Deque<Charge>> charges = new HashMap<>();

    public QuotaLedger(Clock clock, Duration window) {
        this.clock = clock;
        this.windowNanos = window.toNanos();
    }

    /** What the key has used within the window. */
    public synchronized long used(String key) {
        Deque<Charge> list = charges.get(key);
        if (list == null) {
            return 0;
        }
        expire(list);
        return list.stream().mapToLong(Charge::amount).sum();
    }

    /**
     * Charges every amount when each key's usage stays within its limit, or nothing; returns whether
     * it charged.
     *
     * @param amounts key to amount to charge
     * @param limits key to limit
     * @param overrun when true, a key with any tokens left may go over (CDN Pro takes the overrun off
     *     the next window); when false the charge must fit
     */
    public synchronized boolean tryCharge(Map<String, Long> amounts, Map<String, Long> limits, boolean overrun) {
        for (Entry<String, Long> e : amounts.entrySet()) {
            long amount = e.getValue();
            long limit = limits.getOrDefault(e.getKey(), Long.MAX_VALUE);
            long used = used(e.getKey());
            boolean fits = overrun ? amount == 0 || used < limit : used + amount <= limit;
            if (!fits) {
                return false;
            }
        }
        long now = clock.nanoTime();
        amounts.forEach((key, amount) -> {
            if (amount > 0) {
                charges.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Charge(now, amount));
            }
        });
        return true;
    }

    private void expire(Deque<Charge> list) {
        long now = clock.nanoTime();
        while (!list.isEmpty() && now - list.peekFirst().nanos() >= windowNanos) {
            list.removeFirst();
        }
    }
}
