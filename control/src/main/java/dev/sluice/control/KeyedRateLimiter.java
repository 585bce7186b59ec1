package dev.sluice.control;

import dev.sluice.core.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One rate limit applied per key (an API user, an API key), a {@link CellRate} bucket each; the
 * limit is the same for every key, e.g. CDN Pro's 300 requests per 5 minutes per user.
 */
public final class KeyedRateLimiter {

    private final Clock clock;
    private final RateLimit limit;
    private final ConcurrentMap<String, CellRate> buckets = new ConcurrentHashMap<>();

    public KeyedRateLimiter(Clock clock, RateLimit limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one request of the key, or throws RATE_LIMITED with the wait as its retry-after. */
    public void acquire(String key) {
        buckets.computeIfAbsent(key, k -> new CellRate(clock)).take(limit, clock);
    }
}
