package dev.sluice.edge.origin;

import dev.sluice.cache.CachedResponse;
import dev.sluice.content.Published;

/** What an {@link Origin} resolved a miss to. */
public sealed interface Fill {

    /**
     * A complete response in memory; the pipeline stores it under the fill token and serves it.
     *
     * @param response the response
     * @param kept whether the cache kept it (false: a purge newer than the fill token dropped it)
     */
    record Stored(CachedResponse response, boolean kept) implements Fill {

        /** A response about to be stored, or stored already. */
        public Stored(CachedResponse response) {
            this(response, true);
        }
    }

    /**
     * A page too large to cache: each request streams it from the blob store.
     *
     * @param page the published page
     */
    record Blob(Published.Page page) implements Fill {}

    /**
     * A response to fetch over HTTP and stream to the client, cached when it allows it.
     *
     * @param target where to fetch it
     */
    record Forward(ForwardTarget target) implements Fill {}
}
