package dev.sluice.edge;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Variants;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.core.http.CacheStatus.Fwd;
import dev.sluice.edge.delivery.Exchange;
import dev.sluice.edge.delivery.Outcome;
import dev.sluice.edge.delivery.Replies;
import dev.sluice.edge.delivery.ResponseWriter;
import dev.sluice.edge.origin.Fill;
import dev.sluice.edge.origin.ForwardTarget;
import dev.sluice.edge.origin.PullOrigin;
import dev.sluice.edge.proxy.FillListener;
import dev.sluice.edge.proxy.PullFetch;
import dev.sluice.edge.proxy.VaryNames;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline of pull zones: key, lookup, serve from memory, or forward to the site's origin.
 *
 * <p>Design notes. A miss reads the fill token, then joins or leads the key's fill ({@link
 * Fills#begin}): the leader streams the origin's answer to its own client while the others wait;
 * when the answer is stored they are served from memory, when it is not cacheable they forward on
 * their own (no waiting behind a response that will never be shared), when the origin fails they
 * serve their stale copy, else forward on their own (no 502 for a failure that may have been only
 * the leader's). A stored copy past its freshness makes the fetch
 * conditional; a 304 refreshes it. Within stale-while-revalidate the copy is served and one
 * background refresh runs per key at a time. Responses that vary on request fields are stored per
 * variant: the target's key then holds a marker naming the fields, and the lookup goes on to the
 * variant the request selects (misses collapse per variant; requests collapsed behind the first
 * fetch of a target look up their own variant once it is stored). Requests carrying Authorization bypass the cache
 * unless the site allows caching them.
 */
final class PullZones {

    private static final String NAME = ResponseWriter.CACHE_NAME;
    private static final String STALE_HIT =
            CacheStatus.of(NAME).hit().fwd(Fwd.STALE).build();
    private static final String MISS_COLLAPSED =
            CacheStatus.of(NAME).fwd(Fwd.MISS).collapsed().build();
    private static final String STALE_ON_ERROR =
            CacheStatus.of(NAME).hit().fwd(Fwd.STALE).detail("origin-error").build();

    private final EdgeRuntime rt;

    PullZones(EdgeRuntime rt) {
        this.rt = rt;
    }

    void handle(Exchange ex, EdgeSite site, PullOrigin origin) {
        HttpURI u = ex.request().getHttpURI();
        String path = u.getPath();
        String query = u.getQuery();
        if (path == null || !path.startsWith("/")) {
            Replies.plain(ex, 400, "Bad request path\n", Outcome.PASS, null);
            return;
        }
        URI uri;
        try {
            uri = origin.resolve(path, query);
        } catch (IllegalArgumentException e) {
            Replies.plain(ex, 400, "Bad request target\n", Outcome.PASS, null);
            return;
        }
        String target = site.cache().keepQuery() && query != null ? path + "?" + query : path;
        Pull p = new Pull(site, origin, new CacheKey(site.id(), target), uri);
        if (!site.cache().cacheAuthorized() && ex.request().getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            rt.proxy().forwardPull(ex, p.fetch(0, null, null, Fwd.BYPASS, FillListener.NONE));
            return;
        }
        lookup(ex, p);
    }

    private void lookup(Exchange ex, Pull base) {
        Pull p = base;
        CacheHit hit = rt.cache().get(p.key());
        if (hit != null && hit.response().isVaryMarker()) {
            // The target's responses vary: the marker names the fields that select this one.
            HttpFields request = ex.request().getHeaders();
            p = p.withKey(p.key().withVariant(Variants.id(hit.response().varyNames(), request::get)));
            hit = rt.cache().get(p.key());
        }
        if (hit == null) {
            miss(ex, p, null, null, Fwd.MISS);
            return;
        }
        switch (hit.freshness()) {
            case FRESH ->
                ResponseWriter.write(
                        ex,
                        hit.response(),
                        hit.ageSeconds(),
                        CacheStatus.hit(NAME, hit.remainingTtlSeconds()),
                        Outcome.HIT);
            case STALE_WHILE_REVALIDATE -> {
                ResponseWriter.write(ex, hit.response(), hit.ageSeconds(), STALE_HIT, Outcome.STALE);
                refresh(p, hit.response());
            }
            case STALE_IF_ERROR -> miss(ex, p, hit, hit.response(), Fwd.STALE);
            case EXPIRED -> miss(ex, p, null, hit.response(), Fwd.STALE);
        }
    }

    private void miss(Exchange ex, Pull p, @Nullable CacheHit stale, @Nullable CachedResponse cached, Fwd why) {
        long token = rt.cache().fillToken(); // before the origin is asked: see CacheStore
        if (ex.head()) { // a HEAD answer is never stored, so no one could share it
            rt.proxy().forwardPull(ex, p.fetch(token, stale, cached, why, FillListener.NONE));
            return;
        }
        Fills.Joined joined = rt.fills().begin(p.key(), token);
        if (joined.leader()) {
            rt.proxy().forwardPull(ex, p.fetch(token, stale, cached, why, settling(p, joined.future())));
            return;
        }
        var _ = joined.future().whenComplete((fill, _) -> follow(ex, p, token, stale, cached, fill));
    }

    private void follow(
            Exchange ex,
            Pull p,
            long token,
            @Nullable CacheHit stale,
            @Nullable CachedResponse cached,
            @Nullable Fill fill) {
        if (fill instanceof Fill.Stored s
                && !VaryNames.of(s.response()).isEmpty()
                && p.key().variant().isEmpty()) {
            lookup(ex, p); // a variant for the leader's request fields: find the one for ours
        } else if (fill instanceof Fill.Stored s) {
            CachedResponse r = s.response();
            ResponseWriter.write(ex, r, r.ageAtStoreSeconds(), MISS_COLLAPSED, Outcome.MISS);
        } else if (fill != null) {
            rt.proxy().forwardPull(ex, p.fetch(token, stale, cached, Fwd.MISS, FillListener.NONE));
        } else if (stale != null) {
            ResponseWriter.write(ex, stale.response(), stale.ageSeconds(), STALE_ON_ERROR, Outcome.STALE);
        } else {
            // No stale copy to fall back on: ask the origin ourselves rather than share an error.
            rt.proxy().forwardPull(ex, p.fetch(token, null, cached, Fwd.MISS, FillListener.NONE));
        }
    }

    // Stale-while-revalidate: one background refresh per key at a time, conditional on validators.
    private void refresh(Pull p, CachedResponse cached) {
        long token = rt.cache().fillToken();
        Fills.Joined joined = rt.fills().begin(p.key(), token);
        if (joined.leader()) {
            rt.proxy().refreshPull(p.fetch(token, null, cached, Fwd.STALE, settling(p, joined.future())));
        }
    }

    // Settles the key's fill for the requests collapsed into it.
    private FillListener settling(Pull p, CompletableFuture<Fill> future) {
        return new FillListener() {
            @Override
            public void stored(CachedResponse response) {
                rt.fills().settle(p.key(), future, new Fill.Stored(response), null);
            }

            @Override
            public void passed() {
                rt.fills().settle(p.key(), future, new Fill.Forward(new ForwardTarget(p.uri(), null, null)), null);
            }

            @Override
            public void failed(Throwable cause) {
                rt.fills().settle(p.key(), future, null, cause);
            }
        };
    }

    private final class Pull {
        private final EdgeSite site;
        private final PullOrigin origin;
        private final CacheKey key;
        private final URI uri;

        Pull(EdgeSite site, PullOrigin origin, CacheKey key, URI uri) {
            this.site = site;
            this.origin = origin;
            this.key = key;
            this.uri = uri;
        }

        CacheKey key() {
            return key;
        }

        Pull withKey(CacheKey other) {
            return new Pull(site, origin, other, uri);
        }

        URI uri() {
            return uri;
        }

        PullFetch fetch(
                long token, @Nullable CacheHit stale, @Nullable CachedResponse cached, Fwd why, FillListener listener) {
            return new PullFetch(
                    key,
                    rt.originClients().client(origin),
                    uri,
                    origin.hostHeader(),
                    origin.readTimeout(),
                    token,
                    stale,
                    cached,
                    why,
                    site.cache(),
                    listener);
        }
    }
}
