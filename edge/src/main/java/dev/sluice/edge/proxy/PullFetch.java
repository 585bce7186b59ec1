package dev.sluice.edge.proxy;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.edge.origin.SiteCachePolicy;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.jspecify.annotations.Nullable;

/**
 * One fetch from a pull zone's origin.
 *
 * @param key the cache key the answer is stored under
 * @param client the origin's client (its pool, connect timeout and connection bound)
 * @param uri what to fetch
 * @param hostHeader the Host to send, or null for the URI's
 * @param readTimeout the longest wait for response bytes
 * @param fillToken the cache's fill token, read before the fetch was decided
 * @param stale a copy to serve if the origin fails (within stale-if-error), or null
 * @param cached a stored copy whose validators make the request conditional, or null
 * @param why why the request goes forward, for Cache-Status
 * @param policy the site's cache policy
 * @param listener hears the outcome (the collapsed waiters)
 */
public record PullFetch(
        CacheKey key,
        HttpClient client,
        URI uri,
        @Nullable String hostHeader,
        Duration readTimeout,
        long fillToken,
        @Nullable CacheHit stale,
        @Nullable CachedResponse cached,
        CacheStatus.Fwd why,
        SiteCachePolicy policy,
        FillListener listener) {}
