package dev.sluice.control;

import dev.sluice.core.Clock;
import dev.sluice.core.SluiceException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket kept in the "generic cell rate" form: one number, the theoretical arrival time (TAT)
 * of the next request on the injected clock.
 *
 * <p>Design notes. With {@code T = per / requests} (the emission interval) and a burst allowance of
 * {@code requests} (tolerance {@code per - T}), a request at {@code now} is allowed when {@code
 * max(TAT, now) - now <= per - T}, and then moves TAT forward by T. That is exactly a bucket of
 * {@code requests} tokens refilled one per T, without a refill timer. A refusal does not move TAT,
 * and its Retry-After is the time until the request would be allowed. Concurrency: TAT is an
 * {@link AtomicLong} updated by compare-and-set, so callers never lock each other.
 */
final class CellRate {

    private final AtomicLong tat;

    CellRate(Clock clock) {
        this.tat = new AtomicLong(clock.nanoTime());
    }

    /** Counts one request, or throws RATE_LIMITED with the wait as its retry-after. */
    void take(RateLimit limit, Clock clock) {
        long interval = limit.nanosPerRequest();
        long tolerance = limit.per().toNanos() - interval;
        while (true) {
            long now = clock.nanoTime();
            long current = tat.get();
            long start = Math.max(current, now);
            long wait = start - now - tolerance;
            if (wait > 0) {
                throw SluiceException.rateLimited(
                        "Rate limit exceeded: %d requests per %s".formatted(limit.requests(), limit.per()),
                        Duration.ofNanos(wait));
            }
            if (tat.compareAndSet(current, start + interval)) {
                return;
            }
        }
    }
}
