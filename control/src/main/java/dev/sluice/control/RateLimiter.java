package dev.sluice.control;

import dev.sluice.core.Clock;
import dev.sluice.core.SiteId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Per-site request limits: a {@link CellRate} bucket per site; sites without a limit cost one lookup. */
public final class RateLimiter {

    private final Clock clock;
    private final SiteDirectory directory;
    private final ConcurrentMap<SiteId, CellRate> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, SiteDirectory directory) {
        this.clock = clock;
        this.directory = directory;
    }

    /** Counts one request of the site, or throws RATE_LIMITED with the wait as its retry-after. */
    public void acquire(SiteId siteId) {
        Site site = directory.site(siteId);
        RateLimit limit = site == null ? null : site.rateLimit();
        if (limit != null) {
            buckets.computeIfAbsent(siteId, k -> new CellRate(clock)).take(limit, clock);
        }
    }
}
