package dev.sluice.control;

import dev.sluice.core.Clock;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-site request limits, as a token bucket kept in the "generic cell rate" form: one number per
 * site, the theoretical arrival time (TAT) of the next request on the injected clock.
 *
 * <p>Design notes. With {@code T = per / requests} (the emission interval) and a burst allowance of
 * {@code requests} (tolerance {@code per - T}), a request at {@code now} is allowed when {@code
 * max(TAT, now) - now <= per - T}, and then moves TAT forward by T. That is exactly a bucket of
 * {@code requests} tokens refilled one per T, without a refill timer. A refusal does not move TAT,
 * and its Retry-After is the time until the request would be allowed. Concurrency: each site's TAT
 * is an {@link AtomicLong} updated by compare-and-set, so requests of one site never lock each other
 * or other sites. Sites without a limit cost one map lookup.
 */
public final class RateLimiter {

    private final Clock clock;
    private final SiteDirectory directory;
    private final ConcurrentMap<SiteId, AtomicLong> arrivals = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, SiteDirectory directory) {
        this.clock = clock;
        this.directory = directory;
    }

    /** Counts one request of the site, or throws RATE_LIMITED with the wait as its retry-after. */
    public void acquire(SiteId siteId) {
        Site site = directory.site(siteId);
        RateLimit limit = site == null ? null : site.rateLimit();
        if (limit == null) {
            return;
        }
        long interval = limit.nanosPerRequest();
        long tolerance = limit.per().toNanos() - interval;
        AtomicLong tat = arrivals.computeIfAbsent(siteId, k -> new AtomicLong(clock.nanoTime()));
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
