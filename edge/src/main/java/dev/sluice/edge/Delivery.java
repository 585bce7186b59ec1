package dev.sluice.edge;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.core.http.CacheStatus.Fwd;
import dev.sluice.edge.delivery.Exchange;
import dev.sluice.edge.delivery.Outcome;
import dev.sluice.edge.delivery.Replies;
import dev.sluice.edge.delivery.ResponseWriter;
import dev.sluice.edge.origin.Fill;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request once its fill is resolved: from memory for stored fills, by streaming for
 * large blobs (on a virtual thread), by forwarding for proxies. An origin failure serves the stale
 * copy when stale-if-error allows, else 502.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final String NAME = ResponseWriter.CACHE_NAME;
    private static final String MISS_STORED =
            CacheStatus.of(NAME).fwd(Fwd.MISS).stored().build();
    private static final String STALE_STORED =
            CacheStatus.of(NAME).fwd(Fwd.STALE).stored().build();
    private static final String MISS_COLLAPSED =
            CacheStatus.of(NAME).fwd(Fwd.MISS).collapsed().build();
    private static final String STALE_ON_ERROR =
            CacheStatus.of(NAME).hit().fwd(Fwd.STALE).detail("origin-error").build();

    private final EdgeRuntime rt;
    private final Exchange ex;
    private final CacheKey key;
    private final long fillToken;
    private final @Nullable CacheHit stale;
    private final Fwd why;
    private final boolean leader;

    Delivery(
            EdgeRuntime rt,
            Exchange ex,
            CacheKey key,
            long fillToken,
            @Nullable CacheHit stale,
            Fwd why,
            boolean leader) {
        this.rt = rt;
        this.ex = ex;
        this.key = key;
        this.fillToken = fillToken;
        this.stale = stale;
        this.why = why;
        this.leader = leader;
    }

    /** The fill future's completion; never throws (a throw here would vanish into the future). */
    void deliver(@Nullable Fill fill, @Nullable Throwable failure) {
        try {
            if (failure != null || fill == null) {
                originFailed(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
                return;
            }
            switch (fill) {
                case Fill.Stored s -> ResponseWriter.write(ex, s.response(), 0, storedStatus(s.kept()), Outcome.MISS);
                case Fill.Blob b -> rt.executor().execute(() -> rt.blobs().stream(ex, b.page()));
                case Fill.Forward f -> rt.proxy().forward(ex, key, f.target(), fillToken, stale, why);
            }
        } catch (RuntimeException e) {
            LOG.error("delivering {} failed", key, e);
            ex.failed(e);
        }
    }

    // "stored" only when the cache kept it: a purge racing the fill drops it (see CacheStore#put).
    private String storedStatus(boolean kept) {
        if (!leader) {
            return MISS_COLLAPSED;
        }
        if (!kept) {
            return CacheStatus.of(NAME).fwd(why).build();
        }
        return why == Fwd.STALE ? STALE_STORED : MISS_STORED;
    }

    private void originFailed(@Nullable Throwable cause) {
        LOG.warn("origin failed for {}", key, cause);
        CacheHit s = stale;
        if (s != null) {
            ResponseWriter.write(ex, s.response(), s.ageSeconds(), STALE_ON_ERROR, Outcome.STALE);
            return;
        }
        String status = CacheStatus.of(NAME).fwd(why).detail("origin-error").build();
        Replies.plain(ex, 502, "Origin error\n", Outcome.ERROR, status);
    }
}
