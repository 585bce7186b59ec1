package dev.sluice.edge.origin;

import dev.sluice.cache.CacheKey;

/**
 * Where a site's misses are resolved. {@link ContentOrigin} reads Sluice's content store; an
 * {@code HttpOrigin} for pull zones will answer every key with a {@link Fill.Forward} to its
 * upstream. Called on a virtual thread: implementations may block.
 */
public interface Origin {

    /** What to serve for the key; exceptions mean the origin failed (502, or stale-if-error). */
    Fill resolve(CacheKey key) throws Exception;

    /** A short name for metrics and logs, e.g. {@code content}. */
    String kind();
}
