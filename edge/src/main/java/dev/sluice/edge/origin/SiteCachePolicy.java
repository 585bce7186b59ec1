package dev.sluice.edge.origin;

import java.time.Duration;

/**
 * How the edge caches a pull zone's responses, beyond what the origin's headers say.
 *
 * @param defaultTtl freshness of responses that carry none (zero: they are not cached)
 * @param keepQuery whether the query string is part of the cache key (it is always forwarded)
 * @param cachePrivate store responses marked {@code private} anyway
 * @param cacheSetCookie store responses that set cookies anyway (the cookie is never stored)
 * @param cacheAuthorized serve and store requests carrying {@code Authorization} (else they bypass)
 */
public record SiteCachePolicy(
        Duration defaultTtl, boolean keepQuery, boolean cachePrivate, boolean cacheSetCookie, boolean cacheAuthorized) {

    /** Only what the origin marks cacheable; queries in the key; nothing private. */
    public static final SiteCachePolicy DEFAULT = new SiteCachePolicy(Duration.ZERO, true, false, false, false);

    public SiteCachePolicy {
        if (defaultTtl.isNegative()) {
            throw new IllegalArgumentException("defaultTtl: %s (expected: >= 0)".formatted(defaultTtl));
        }
    }
}
