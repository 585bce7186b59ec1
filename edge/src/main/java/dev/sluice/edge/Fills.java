package dev.sluice.edge;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CacheStore;
import dev.sluice.core.Clock;
import dev.sluice.edge.delivery.EdgeMetrics;
import dev.sluice.edge.origin.Fill;
import dev.sluice.edge.origin.Origin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Resolves misses at the origin, one load per key at a time (request collapsing).
 *
 * <p>Design: the first miss for a key becomes the leader: it registers a future under the key and
 * runs {@link Origin#resolve} on a virtual thread; later misses for the key join that future. A
 * fill is joined only if it started under the current fill token: once a purge has been applied
 * (the token moved), a new miss starts a new fill instead of waiting for content read before the
 * purge (read-your-purge). A stored result is put into the cache, under the token read before the
 * origin was asked, before the future completes and before the entry leaves the map, so a request
 * arriving in between either joins or hits.
 */
final class Fills {

    /**
     * A request's share of a fill.
     *
     * @param future completes with the fill, or with the origin's failure
     * @param leader whether this request started the load (the others were collapsed into it)
     */
    record Joined(CompletableFuture<Fill> future, boolean leader) {}

    private record Inflight(long token, CompletableFuture<Fill> future) {}

    private final ConcurrentHashMap<CacheKey, Inflight> inflight = new ConcurrentHashMap<>();
    private final CacheStore cache;
    private final Executor executor;
    private final EdgeMetrics metrics;
    private final Clock clock;

    Fills(CacheStore cache, Executor executor, EdgeMetrics metrics, Clock clock) {
        this.cache = cache;
        this.executor = executor;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Joins or starts the fill of the key; fillToken must have been read before this call. */
    Joined join(CacheKey key, Origin origin, long fillToken) {
        Inflight current = inflight.get(key);
        if (current != null && current.token() == fillToken) {
            return new Joined(current.future(), false);
        }
        Inflight mine = new Inflight(fillToken, new CompletableFuture<>());
        Inflight won = inflight.compute(key, (k, v) -> v != null && v.token() == fillToken ? v : mine);
        if (!won.equals(mine)) { // another request registered first: join it
            return new Joined(won.future(), false);
        }
        executor.execute(() -> load(key, origin, mine));
        return new Joined(mine.future(), true);
    }

    /**
     * Joins the fill of the key, or registers the caller as its leader without running anything:
     * the leader fetches itself (a pull zone streams to its own client meanwhile) and must then
     * {@link #settle} the future, whatever happens, or its followers wait forever.
     */
    Joined begin(CacheKey key, long fillToken) {
        Inflight current = inflight.get(key);
        if (current != null && current.token() == fillToken) {
            return new Joined(current.future(), false);
        }
        Inflight mine = new Inflight(fillToken, new CompletableFuture<>());
        Inflight won = inflight.compute(key, (k, v) -> v != null && v.token() == fillToken ? v : mine);
        return new Joined(won.future(), won.equals(mine));
    }

    /**
     * Ends a fill begun with {@link #begin}: unregisters it, then completes its followers with the
     * fill (stored fills must be in the cache already) or the failure.
     */
    @SuppressWarnings("ReferenceEquality") // the very fill registered by begin, not an equal one
    void settle(CacheKey key, CompletableFuture<Fill> future, @Nullable Fill fill, @Nullable Throwable failure) {
        inflight.computeIfPresent(key, (k, v) -> v.future() == future ? null : v);
        if (fill != null) {
            future.complete(fill);
        } else {
            future.completeExceptionally(
                    failure != null ? failure : new IllegalStateException("fill of " + key + " settled empty"));
        }
    }

    /** Number of fills in flight (for tests and metrics). */
    int inflight() {
        return inflight.size();
    }

    private void load(CacheKey key, Origin origin, Inflight mine) {
        long start = clock.nanoTime();
        Fill fill;
        try {
            fill = origin.resolve(key);
            if (fill instanceof Fill.Stored stored && !cache.put(key, stored.response(), mine.token())) {
                fill = new Fill.Stored(stored.response(), false);
            }
        } catch (Throwable e) { // the future must complete whatever happens, or its waiters hang
            metrics.originFetch(origin.kind(), false, clock.nanoTime() - start);
            inflight.remove(key, mine);
            mine.future().completeExceptionally(e);
            return;
        }
        metrics.originFetch(origin.kind(), true, clock.nanoTime() - start);
        inflight.remove(key, mine);
        mine.future().complete(fill);
    }
}
