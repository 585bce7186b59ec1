package dev.sluice.edge;

import dev.sluice.cache.CacheStore;
import dev.sluice.core.Clock;
import dev.sluice.edge.delivery.EdgeMetrics;
import dev.sluice.edge.origin.Origin;
import dev.sluice.edge.proxy.ProxyForwarder;
import java.util.concurrent.Executor;

/**
 * The collaborators the pipeline shares, wired once by {@link EdgeServer}.
 *
 * @param cache the cache with its purge state
 * @param fills the collapsing fill coordinator
 * @param contentOrigin the content store as an origin
 * @param proxy the HTTP forwarder
 * @param blobs the large-file streamer
 * @param refresher background refreshes of stale objects
 * @param originClients the pooled clients of pull-zone origins
 * @param executor virtual threads for blocking work
 * @param metrics the edge's meters
 * @param clock the clock
 */
record EdgeRuntime(
        CacheStore cache,
        Fills fills,
        Origin contentOrigin,
        ProxyForwarder proxy,
        BlobStreamer blobs,
        Refresher refresher,
        OriginClients originClients,
        Executor executor,
        EdgeMetrics metrics,
        Clock clock) {}
