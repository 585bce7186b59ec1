package dev.sluice.edge;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CacheStore;
import dev.sluice.content.ContentPaths;
import dev.sluice.core.SluiceException;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.core.http.CacheStatus.Fwd;
import dev.sluice.edge.delivery.Exchange;
import dev.sluice.edge.delivery.Outcome;
import dev.sluice.edge.delivery.Replies;
import dev.sluice.edge.delivery.ResponseWriter;
import dev.sluice.edge.origin.Origin;
import dev.sluice.edge.origin.PullOrigin;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.jspecify.annotations.Nullable;

/**
 * The edge pipeline: method, host to site, key, lookup, then serve from memory or resolve the miss.
 *
 * <p>Threading: Jetty calls this non-blocking handler on its selector threads. A fresh hit is
 * answered there, straight from memory. A miss reads the cache's fill token first, then joins or
 * starts a fill ({@link Fills}) that runs the origin on a virtual thread; the reply is written from
 * whichever thread completes the fill. Nothing on this path blocks or touches the disk.
 *
 * <p>Pull zones (sites with an upstream origin) leave this class after host lookup: {@link
 * PullZones}.
 *
 * <p>Stale objects: within stale-while-revalidate they are served at once and refreshed in the
 * background; within stale-if-error they are served only when the origin fails; past both, a miss.
 */
final class EdgeHandler extends Handler.Abstract.NonBlocking {

    private static final String STALE_HIT =
            CacheStatus.of(ResponseWriter.CACHE_NAME).hit().fwd(Fwd.STALE).build();

    private final EdgeRuntime rt;
    private final PullZones pullZones;
    private volatile SiteDirectory sites;

    EdgeHandler(EdgeRuntime runtime, SiteDirectory sites) {
        this.rt = runtime;
        this.pullZones = new PullZones(runtime);
        this.sites = sites;
    }

    void sites(SiteDirectory directory) {
        this.sites = directory;
    }

    SiteDirectory sites() {
        return sites;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange ex = new Exchange(request, response, callback, rt.metrics(), rt.clock());
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            Replies.methodNotAllowed(ex);
            return true;
        }
        EdgeSite site = sites.find(Request.getServerName(request));
        if (site == null) {
            Replies.plain(ex, 404, "Unknown host\n", Outcome.PASS, null);
            return true;
        }
        PullOrigin origin = site.origin();
        if (origin != null) {
            pullZones.handle(ex, site, origin);
            return true;
        }
        String path = canonicalPath(request);
        if (path == null) {
            Replies.plain(ex, 400, "Bad request path\n", Outcome.PASS, null);
            return true;
        }
        lookup(ex, new CacheKey(site.id(), path));
        return true;
    }

    private void lookup(Exchange ex, CacheKey key) {
        CacheStore cache = rt.cache();
        CacheHit hit = cache.get(key);
        if (hit == null) {
            miss(ex, key, null, Fwd.MISS);
            return;
        }
        switch (hit.freshness()) {
            case FRESH ->
                ResponseWriter.write(
                        ex,
                        hit.response(),
                        hit.ageSeconds(),
                        CacheStatus.hit(ResponseWriter.CACHE_NAME, hit.remainingTtlSeconds()),
                        Outcome.HIT);
            case STALE_WHILE_REVALIDATE -> {
                ResponseWriter.write(ex, hit.response(), hit.ageSeconds(), STALE_HIT, Outcome.STALE);
                rt.refresher().refresh(key, origin());
            }
            case STALE_IF_ERROR -> miss(ex, key, hit, Fwd.STALE);
            case EXPIRED -> miss(ex, key, null, Fwd.STALE);
        }
    }

    private void miss(Exchange ex, CacheKey key, @Nullable CacheHit stale, Fwd why) {
        long token = rt.cache().fillToken(); // before the origin is asked: see CacheStore
        Fills.Joined joined = rt.fills().join(key, origin(), token);
        Delivery delivery = new Delivery(rt, ex, key, token, stale, why, joined.leader());
        var _ = joined.future().whenComplete(delivery::deliver);
    }

    // Where content sites' misses go (pull zones are handled by PullZones).
    private Origin origin() {
        return rt.contentOrigin();
    }

    /** The canonical content path of the request, or null when it is invalid (traversal, bad escapes). */
    static @Nullable String canonicalPath(Request request) {
        String raw = request.getHttpURI().getPath();
        if (raw == null) {
            return null;
        }
        try {
            String decoded = raw.indexOf('%') < 0 ? raw : URIUtil.decodePath(raw);
            return ContentPaths.canonical(decoded);
        } catch (SluiceException | IllegalArgumentException e) {
            return null;
        }
    }
}
