package dev.sluice.edge.proxy;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.edge.origin.SiteCachePolicy;
import org.jspecify.annotations.Nullable;

/**
 * What one forwarded exchange does with the origin's answer.
 *
 * @param key the cache key
 * @param fillToken the fill token read before the fetch was decided
 * @param stale served if the origin fails, or null
 * @param cached the copy being revalidated (a 304 refreshes it), or null
 * @param why why the request went forward
 * @param clientAuthorized whether the client's own Authorization was forwarded
 * @param policy the site's cache policy
 * @param listener hears the outcome (called once)
 * @param variants whether responses varying on request fields are stored as variants (pull zones)
 */
record ProxyPlan(
        CacheKey key,
        long fillToken,
        @Nullable CacheHit stale,
        @Nullable CachedResponse cached,
        CacheStatus.Fwd why,
        boolean clientAuthorized,
        SiteCachePolicy policy,
        FillListener listener,
        boolean variants) {}
