package dev.sluice.edge.proxy;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Variants;
import dev.sluice.edge.origin.ForwardTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background refresh of a pull zone's stale copy (stale-while-revalidate). No client waits, so
 * the body is buffered (up to the cacheable size) and stored on a virtual thread; a 304 freshens
 * the copy. Failures are logged and reported to the listener; the stale copy stays until its
 * windows end.
 */
final class PullRefresh extends BufferingResponseListener {

    private static final Logger LOG = LoggerFactory.getLogger(PullRefresh.class);

    private final ProxyForwarder fwd;
    private final PullFetch fetch;
    private final FillListener listener;
    private final long startNanos;
    private final Map<String, String> selecting;

    PullRefresh(ProxyForwarder fwd, PullFetch fetch) {
        super((int) fwd.maxCacheableBytes);
        this.fwd = fwd;
        this.fetch = fetch;
        this.listener = fetch.listener().once();
        this.startNanos = fwd.clock.nanoTime();
        Map<String, String> values = new HashMap<>(Variants.values(fetch.key().variant()));
        values.values().removeIf(String::isEmpty); // absent when the variant was selected
        this.selecting = Map.copyOf(values);
    }

    void start() {
        fetch.client()
                .newRequest(fetch.uri())
                .method(HttpMethod.GET)
                .idleTimeout(fetch.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    ProxyHeaders.refresh(new ForwardTarget(fetch.uri(), null, null), h);
                    PullRequests.originHeaders(fetch, h);
                    // A variant is refreshed with the request fields that selected it.
                    selecting.forEach(h::put);
                })
                .send(this);
    }

    @Override
    public void onComplete(Result result) {
        Response response = result.getResponse();
        boolean failed = result.isFailed() || response.getStatus() >= 500;
        fwd.metrics.originFetch("proxy", !failed, fwd.clock.nanoTime() - startNanos);
        if (failed) {
            Throwable cause = result.isFailed()
                    ? result.getFailure()
                    : new IllegalStateException("origin answered " + response.getStatus());
            LOG.warn("refresh of {} from {} failed: {}", fetch.key(), fetch.uri(), cause.toString());
            listener.failed(cause);
            return;
        }
        byte[] body = getContent();
        fwd.executor.execute(() -> store(response, body));
    }

    private void store(Response response, byte[] body) {
        try {
            CachedResponse cached = fetch.cached();
            @Nullable
            CachedResponse stored = response.getStatus() == 304 && cached != null
                    ? fwd.revalidated(fetch.key(), cached, response.getHeaders(), fetch.fillToken(), fetch.policy())
                    : fwd.store(fetch.key(), response, body, fetch.fillToken(), fetch.policy(), selecting::get);
            if (stored != null) {
                listener.stored(stored);
            } else {
                listener.passed();
            }
        } catch (RuntimeException e) {
            LOG.warn("storing the refresh of {} failed", fetch.key(), e);
            listener.failed(e);
        }
    }
}
