package dev.sluice.edge.proxy;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CacheStore;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Variants;
import dev.sluice.core.Clock;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.edge.delivery.EdgeMetrics;
import dev.sluice.edge.delivery.Exchange;
import dev.sluice.edge.origin.ForwardTarget;
import dev.sluice.edge.origin.SiteCachePolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches HTTP resources for clients with jetty-client: asynchronously (no thread waits on the
 * origin), streamed with backpressure (see {@link ProxyExchange}), stored when {@link ProxyPolicy}
 * allows. Connection pooling, connect and idle timeouts and the per-destination connection bound
 * live on the shared {@link HttpClient}; this class adds the total timeout per request.
 */
public final class ProxyForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyForwarder.class);

    final HttpClient client;
    final CacheStore cache;
    final Executor executor;
    final Clock clock;
    final EdgeMetrics metrics;
    final long maxCacheableBytes;
    private final Duration timeout;

    public ProxyForwarder(
            HttpClient client,
            CacheStore cache,
            Executor executor,
            Clock clock,
            EdgeMetrics metrics,
            long maxCacheableBytes,
            Duration timeout) {
        this.client = client;
        this.cache = cache;
        this.executor = executor;
        this.clock = clock;
        this.metrics = metrics;
        this.maxCacheableBytes = maxCacheableBytes;
        this.timeout = timeout;
    }

    /**
     * Forwards the client's request to the target and streams the answer back.
     *
     * @param fillToken the cache's fill token read before this miss was resolved
     * @param stale a stale copy to serve if the origin fails, or null
     * @param fwd why the request went forward, for Cache-Status
     */
    public void forward(
            Exchange ex,
            CacheKey key,
            ForwardTarget target,
            long fillToken,
            @Nullable CacheHit stale,
            CacheStatus.Fwd fwd) {
        boolean clientAuthorized =
                target.basicAuthUser() == null && ex.request().getHeaders().contains(HttpHeader.AUTHORIZATION);
        ProxyPlan plan = new ProxyPlan(
                key, fillToken, stale, null, fwd, clientAuthorized, SiteCachePolicy.DEFAULT, FillListener.NONE, false);
        ProxyExchange px = new ProxyExchange(this, ex, plan);
        Request out = client.newRequest(target.uri())
                .method(ex.head() ? HttpMethod.HEAD : HttpMethod.GET)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> ProxyHeaders.request(ex.request(), target, h))
                .onResponseContentSource(px);
        out.send(px::completed);
    }

    /**
     * Fetches the target in the background to refresh a stale copy (stale-while-revalidate): no
     * client is waiting, the body is buffered up to the cacheable size and stored if allowed.
     */
    public void refresh(CacheKey key, ForwardTarget target, long fillToken) {
        long start = clock.nanoTime();
        client.newRequest(target.uri())
                .method(HttpMethod.GET)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> ProxyHeaders.refresh(target, h))
                .send(new BufferingResponseListener((int) maxCacheableBytes) {
                    @Override
                    public void onComplete(Result result) {
                        metrics.originFetch("proxy", result.isSucceeded(), clock.nanoTime() - start);
                        if (result.isFailed()) {
                            LOG.warn("refresh of {} from {} failed", key, target, result.getFailure());
                            return;
                        }
                        byte[] body = getContent();
                        executor.execute(
                                () -> store(key, result.getResponse(), body, fillToken, SiteCachePolicy.DEFAULT, null));
                    }
                });
    }

    /**
     * Forwards a client's request to a pull zone's origin and streams the answer back; conditional
     * when a stored copy has validators (a 304 refreshes it and it is served from memory).
     */
    public void forwardPull(Exchange ex, PullFetch fetch) {
        boolean clientAuthorized = ex.request().getHeaders().contains(HttpHeader.AUTHORIZATION);
        ProxyPlan plan = new ProxyPlan(
                fetch.key(),
                fetch.fillToken(),
                fetch.stale(),
                fetch.cached(),
                fetch.why(),
                clientAuthorized,
                fetch.policy(),
                fetch.listener(),
                true);
        ProxyExchange px = new ProxyExchange(this, ex, plan);
        ForwardTarget target = new ForwardTarget(fetch.uri(), null, null);
        fetch.client()
                .newRequest(fetch.uri())
                .method(ex.head() ? HttpMethod.HEAD : HttpMethod.GET)
                .idleTimeout(fetch.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    ProxyHeaders.request(ex.request(), target, h);
                    PullRequests.originHeaders(fetch, h);
                })
                .onResponseContentSource(px)
                .send(px::completed);
    }

    /**
     * Refreshes a pull zone's stale copy in the background (stale-while-revalidate): conditional
     * on its validators, buffered up to the cacheable size, stored if allowed.
     */
    public void refreshPull(PullFetch fetch) {
        new PullRefresh(this, fetch).start();
    }

    /**
     * Stores a complete proxied response if the policy allows; returns what was stored, or null.
     * With {@code requestValue} (pull zones), a response that varies on request fields is stored
     * under the variant the request selects, and the target's key gets a marker naming the fields;
     * one that does not vary replaces whatever the target's key held.
     *
     * @param requestValue the request's value of a header field (null: absent), or null when
     *     varying responses are not stored
     */
    @Nullable
    CachedResponse store(
            CacheKey key,
            org.eclipse.jetty.client.Response response,
            byte[] body,
            long fillToken,
            SiteCachePolicy policy,
            @Nullable Function<String, @Nullable String> requestValue) {
        long now = clock.instant().getEpochSecond();
        ProxyPolicy.Decision d = ProxyPolicy.decide(
                response.getStatus(),
                response.getHeaders(),
                false,
                false,
                policy,
                maxCacheableBytes,
                now,
                requestValue != null);
        if (!d.store()) {
            return null;
        }
        CachedResponse r = ProxyResponses.build(response.getStatus(), response.getHeaders(), body, d, clock);
        List<String> vary = VaryNames.of(response.getHeaders());
        if (requestValue == null || vary.isEmpty()) {
            return cache.put(key.base(), r, fillToken) ? r : null;
        }
        CacheKey variant = key.base().withVariant(Variants.id(vary, requestValue));
        if (!cache.put(variant, r, fillToken)) {
            return null;
        }
        var _ = cache.put(key.base(), CachedResponse.varyMarker(vary, r), fillToken);
        return r;
    }

    /** Refreshes a stored copy from a 304; returns the refreshed copy, or null when it may no longer be stored. */
    @Nullable
    CachedResponse revalidated(
            CacheKey key, CachedResponse cached, HttpFields notModified, long fillToken, SiteCachePolicy policy) {
        long now = clock.instant().getEpochSecond();
        CachedResponse r = Revalidation.refresh(cached, notModified, policy, maxCacheableBytes, now, clock);
        return r != null && cache.put(key, r, fillToken) ? r : null;
    }
}
