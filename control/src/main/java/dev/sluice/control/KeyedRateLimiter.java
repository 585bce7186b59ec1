package dev.sluice.control;

import dev.sluice.core.Clock;
import dev.sluice.core.SluiceException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rate limit applied per key (an API user, an API key): the same generic cell rate algorithm as
 * {@link RateLimiter} (see its design notes), keyed by any string instead of a site. The limit is the
 * same for every key, e.g. CDN Pro's 300 requests per 5 minutes per user.
 */
public final class KeyedRateLimiter {

    private final Clock clock;
    private final RateLimit limit;
    private final ConcurrentMap<String, AtomicLong> arrivals = new ConcurrentHashMap<>();

    public KeyedRateLimiter(Clock clock, RateLimit limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one request of the key, or throws RATE_LIMITED with the wait as its retry-after. */
    public void acquire(String key) {
        long interval = limit.nanosPerRequest();
        long tolerance = limit.per().toNanos() - interval;
        AtomicLong tat = arrivals.computeIfAbsent(key, k -> new AtomicLong(clock.nanoTime()));
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
