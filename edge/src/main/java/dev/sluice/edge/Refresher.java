package dev.sluice.edge;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CacheStore;
import dev.sluice.edge.origin.Fill;
import dev.sluice.edge.origin.Origin;
import dev.sluice.edge.proxy.ProxyForwarder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes objects served stale within stale-while-revalidate. The refresh is an ordinary fill
 * (collapsed with any other, so a burst of stale hits makes one refresh); a proxy is fetched in the
 * background and stored if it allows. Failures are logged; the stale copy stays until its window
 * ends.
 */
final class Refresher {

    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

    private final CacheStore cache;
    private final Fills fills;
    private final ProxyForwarder proxy;

    Refresher(CacheStore cache, Fills fills, ProxyForwarder proxy) {
        this.cache = cache;
        this.fills = fills;
        this.proxy = proxy;
    }

    void refresh(CacheKey key, Origin origin) {
        long token = cache.fillToken();
        Fills.Joined joined = fills.join(key, origin, token);
        if (!joined.leader()) {
            return; // someone is already filling it
        }
        var _ = joined.future().whenComplete((fill, failure) -> {
            if (failure != null) {
                LOG.warn("background refresh of {} failed", key, failure);
            } else if (fill instanceof Fill.Forward f) {
                proxy.refresh(key, f.target(), token);
            }
        });
    }
}
