package dev.sluice.edge.proxy;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.edge.delivery.Exchange;
import dev.sluice.edge.delivery.Outcome;
import dev.sluice.edge.delivery.Replies;
import dev.sluice.edge.delivery.ResponseWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.IteratingCallback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One forwarded request: copies the origin's body to the client chunk by chunk.
 *
 * <p>Backpressure: a chunk is read from the origin only after the previous one was written to the
 * client (the write's callback is this {@link IteratingCallback}); with no chunk available it
 * demands and goes idle. So a slow client slows the origin read, and at most one chunk is held.
 * When the response may be stored, the chunks are also copied into a buffer, abandoned past the
 * cacheable size; the response is stored (on a virtual thread: gzip costs CPU) before the last
 * chunk is written, so a client that sees the end of the response finds it in the cache.
 *
 * <p>Failures: before anything was sent to the client, a stale copy is served if there is one,
 * else 504 for a timeout and 502 otherwise. Once the response is committed, the client connection
 * is aborted (so the client sees a truncated response, never a complete-looking wrong one). A
 * failure on the client's side (it went away) is not the origin's: requests collapsed behind this
 * one are told the response passed, and fetch on their own.
 *
 * <p>Cache-Status says {@code stored} when the policy allows storing; when the cache then drops the
 * response (a purge raced it, see {@code CacheStore#put}) and the header is not sent yet (a body
 * in one chunk), it is corrected to a plain miss. A longer body's header left with its first chunk.
 */
final class ProxyExchange extends IteratingCallback implements Response.ContentSourceListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyExchange.class);

    private final ProxyForwarder fwd;
    private final Exchange ex;
    private final ProxyPlan plan;
    private final CacheKey key;
    private final @Nullable CacheHit stale;
    private final CacheStatus.Fwd why;
    private final FillListener listener;
    private final long startNanos;
    private final AtomicBoolean finished = new AtomicBoolean();
    private Content.@Nullable Source source;
    private @Nullable Response originResponse;
    private Content.@Nullable Chunk chunk;
    private @Nullable ByteArrayOutputStream tee;
    private boolean lastWritten;
    private volatile boolean originFailed;
    private long expectedLength = -1;

    ProxyExchange(ProxyForwarder fwd, Exchange ex, ProxyPlan plan) {
        this.fwd = fwd;
        this.ex = ex;
        this.plan = plan;
        this.key = plan.key();
        this.stale = plan.stale();
        this.why = plan.why();
        this.listener = plan.listener().once();
        this.startNanos = fwd.clock.nanoTime();
    }

    @Override
    public void onContentSource(Response response, Content.Source content) {
        this.originResponse = response;
        this.source = content;
        int status = response.getStatus();
        if (status >= 500 && stale != null && finished.compareAndSet(false, true)) {
            IllegalStateException cause = new IllegalStateException("origin answered " + status + "; serving stale");
            content.fail(cause);
            listener.failed(cause);
            serveStale("origin-" + status);
            return;
        }
        CachedResponse cached = plan.cached();
        if (status == 304 && cached != null && finished.compareAndSet(false, true)) {
            drain(content);
            revalidated(cached, response.getHeaders());
            return;
        }
        long now = fwd.clock.instant().getEpochSecond();
        HttpFields h = response.getHeaders();
        ProxyPolicy.Decision d = why == CacheStatus.Fwd.BYPASS
                ? ProxyPolicy.Decision.pass("bypass")
                : ProxyPolicy.decide(
                        status,
                        h,
                        ex.head(),
                        plan.clientAuthorized(),
                        plan.policy(),
                        fwd.maxCacheableBytes,
                        now,
                        plan.variants());
        if (d.store()) {
            long length = h.getLongField(HttpHeader.CONTENT_LENGTH);
            expectedLength = length;
            tee = new ByteArrayOutputStream(length >= 0 ? (int) length : 8192);
        } else {
            listener.passed();
        }
        ex.outcome(d.store() ? Outcome.MISS : Outcome.PASS);
        ex.response().setStatus(status);
        ProxyHeaders.response(h, ex.response().getHeaders());
        ex.response().getHeaders().put(ResponseWriter.CACHE_STATUS, cacheStatus(d, status));
        iterate();
    }

    @Override
    protected Action process() throws Throwable {
        Content.Chunk previous = chunk;
        if (previous != null) {
            previous.release();
            chunk = null;
        }
        if (lastWritten) {
            return Action.SUCCEEDED;
        }
        Content.Source src = source;
        Content.Chunk c = src == null ? null : src.read();
        if (c == null) {
            if (src != null) {
                src.demand(this::iterate);
            }
            return Action.IDLE;
        }
        if (Content.Chunk.isFailure(c)) {
            originFailed = true;
            throw c.getFailure();
        }
        chunk = c;
        lastWritten = c.isLast();
        ByteBuffer buf = c.getByteBuffer();
        tee(buf);
        ByteArrayOutputStream body = tee;
        // The whole body is in once the last chunk or Content-Length bytes arrived: the client may
        // consider the response done at that point, so it is stored before that chunk is written.
        if (body != null && (lastWritten || body.size() == expectedLength)) {
            tee = null;
            boolean last = lastWritten;
            fwd.executor.execute(() -> storeThenWrite(body, buf, last));
        } else {
            ex.response().write(lastWritten, buf, this);
        }
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
        if (finished.compareAndSet(false, true)) {
            fwd.metrics.originFetch("proxy", true, fwd.clock.nanoTime() - startNanos);
            ex.succeeded();
        }
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        Content.Chunk c = chunk;
        if (c != null) {
            c.release();
            chunk = null;
        }
        Content.Source src = source;
        if (src != null) {
            src.fail(cause);
        }
        if (!originFailed) {
            listener.passed(); // the client went away: the origin did not fail the others
        }
        fail(cause, "streaming");
    }

    /** The jetty-client completion: a failure here before any content means nothing was sent yet. */
    void completed(Result result) {
        if (result.isFailed()) {
            originFailed = true;
            if (source == null) {
                fail(result.getFailure(), "connecting");
            } else {
                abort(result.getFailure());
            }
        }
    }

    private void fail(Throwable cause, String phase) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        fwd.metrics.originFetch("proxy", false, fwd.clock.nanoTime() - startNanos);
        listener.failed(cause);
        LOG.warn("proxy {} for {} failed while {}: {}", key, ex.request().getHttpURI(), phase, cause.toString());
        if (ex.response().isCommitted()) {
            ex.failed(cause);
        } else if (stale != null) {
            ex.response().getHeaders().clear();
            serveStale("origin-error");
        } else if (refused(cause)) {
            ex.response().getHeaders().clear();
            String status = CacheStatus.of(ResponseWriter.CACHE_NAME)
                    .fwd(why)
                    .detail("destination-refused")
                    .build();
            Replies.plain(ex, 502, "Proxy destination not allowed\n", Outcome.ERROR, status);
        } else {
            ex.response().getHeaders().clear();
            boolean timeout = isTimeout(cause);
            String status = CacheStatus.of(ResponseWriter.CACHE_NAME)
                    .fwd(why)
                    .detail(timeout ? "origin-timeout" : "origin-error")
                    .build();
            Replies.plain(
                    ex,
                    timeout ? 504 : 502,
                    timeout ? "Origin timeout\n" : "Origin unreachable\n",
                    Outcome.ERROR,
                    status);
        }
    }

    private void serveStale(String detail) {
        CacheHit s = stale;
        if (s != null) {
            String status = CacheStatus.of(ResponseWriter.CACHE_NAME)
                    .hit()
                    .fwd(CacheStatus.Fwd.STALE)
                    .detail(detail)
                    .build();
            ResponseWriter.write(ex, s.response(), s.ageSeconds(), status, Outcome.STALE);
        }
    }

    private void storeThenWrite(ByteArrayOutputStream body, ByteBuffer chunkBuffer, boolean last) {
        Response r = originResponse;
        CachedResponse stored = null;
        try {
            if (r != null) {
                HttpFields request = ex.request().getHeaders();
                stored = fwd.store(
                        key,
                        r,
                        body.toByteArray(),
                        plan.fillToken(),
                        plan.policy(),
                        plan.variants() ? request::get : null);
            }
        } catch (RuntimeException e) {
            LOG.warn("storing proxied {} failed", key, e); // the client still gets its response
        }
        if (stored != null) {
            listener.stored(stored);
        } else {
            listener.passed();
            if (!ex.response().isCommitted()) {
                ex.response()
                        .getHeaders()
                        .put(
                                ResponseWriter.CACHE_STATUS,
                                CacheStatus.of(ResponseWriter.CACHE_NAME)
                                        .fwd(why)
                                        .build());
            }
        }
        ex.response().write(last, chunkBuffer, this);
    }

    // A 304 to our conditional request: the stored copy is refreshed and served from memory.
    private void revalidated(CachedResponse cached, HttpFields notModified) {
        fwd.metrics.originFetch("proxy", true, fwd.clock.nanoTime() - startNanos);
        CachedResponse fresh = fwd.revalidated(key, cached, notModified, plan.fillToken(), plan.policy());
        CachedResponse served = fresh != null ? fresh : cached;
        if (fresh != null) {
            listener.stored(fresh);
        } else {
            listener.passed();
        }
        String status = CacheStatus.of(ResponseWriter.CACHE_NAME)
                .fwd(why)
                .fwdStatus(304)
                .detail("revalidated")
                .build();
        ResponseWriter.write(ex, served, fresh != null ? served.ageAtStoreSeconds() : 0, status, Outcome.MISS);
    }

    // Reads a body we do not want to its end, so the connection goes back to the pool.
    private static void drain(Content.Source content) {
        while (true) {
            Content.Chunk c = content.read();
            if (c == null) {
                content.demand(() -> drain(content));
                return;
            }
            c.release();
            if (c.isLast()) {
                return;
            }
        }
    }

    private void tee(ByteBuffer buf) {
        ByteArrayOutputStream body = tee;
        if (body == null || !buf.hasRemaining()) {
            return;
        }
        if (body.size() + (long) buf.remaining() > fwd.maxCacheableBytes) {
            tee = null; // larger than announced: pass it through, do not store
            listener.passed();
            return;
        }
        if (buf.hasArray()) {
            body.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
        } else {
            byte[] bytes = new byte[buf.remaining()];
            buf.duplicate().get(bytes);
            body.writeBytes(bytes);
        }
    }

    private String cacheStatus(ProxyPolicy.Decision d, int status) {
        if (d.store()) {
            return CacheStatus.of(ResponseWriter.CACHE_NAME).fwd(why).stored().build();
        }
        return CacheStatus.of(ResponseWriter.CACHE_NAME)
                .fwd(CacheStatus.Fwd.URI_MISS)
                .fwdStatus(status)
                .detail(d.detail())
                .build();
    }

    private static boolean refused(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PublicDestinations.RefusedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
