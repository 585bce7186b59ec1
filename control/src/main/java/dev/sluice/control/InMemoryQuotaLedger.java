package dev.sluice.control;

import dev.sluice.core.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * A {@link QuotaLedger} in memory, for one process.
 *
 * <p>Design notes. Each key keeps its one-minute buckets in time order and a running sum; buckets the
 * window has passed are dropped when the key is read, so memory is bounded by the minutes of one
 * window per key and a read costs what expired, not what is held. Calls are serialised on the
 * ledger.
 */
public final class InMemoryQuotaLedger implements QuotaLedger {

    private static final class Usage {
        final Deque<long[]> buckets = new ArrayDeque<>(); // {minute, amount}
        long sum;
    }

    private final Clock clock;
    private final long windowMinutes;
    private final Map<String, Usage> usage = new HashMap<>();

    public InMemoryQuotaLedger(Clock clock, Duration window) {
        if (window.toMinutes() < 1) {
            throw new IllegalArgumentException("window: %s (expected: >= 1m)".formatted(window));
        }
        this.clock = clock;
        this.windowMinutes = window.toMinutes();
    }

    @Override
    public synchronized long used(String key) {
        Usage u = usage.get(key);
        return u == null ? 0 : expire(u, QuotaLedger.minute(clock.instant()));
    }

    @Override
    public synchronized boolean tryCharge(Map<String, Long> amounts, Map<String, Long> limits, boolean overrun) {
        for (Entry<String, Long> e : amounts.entrySet()) {
            long limit = limits.getOrDefault(e.getKey(), Long.MAX_VALUE);
            if (!QuotaLedger.fits(used(e.getKey()), e.getValue(), limit, overrun)) {
                return false;
            }
        }
        long now = QuotaLedger.minute(clock.instant());
        amounts.forEach((key, amount) -> {
            if (amount > 0) {
                Usage u = usage.computeIfAbsent(key, k -> new Usage());
                long[] last = u.buckets.peekLast();
                if (last != null && last[0] == now) {
                    last[1] += amount;
                } else {
                    u.buckets.addLast(new long[] {now, amount});
                }
                u.sum += amount;
            }
        });
        return true;
    }

    private long expire(Usage u, long now) {
        while (!u.buckets.isEmpty() && u.buckets.peekFirst()[0] <= now - windowMinutes) {
            u.sum -= u.buckets.removeFirst()[1];
        }
        return u.sum;
    }
}
