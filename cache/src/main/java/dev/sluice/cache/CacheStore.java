package dev.sluice.cache;

import dev.sluice.core.SiteId;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The edge's cache, with the purge state every lookup honours.
 *
 * <p>The rule that makes purges exact: a fill reads {@link #fillToken()} before it asks the origin
 * and passes it to {@link #put}. A purge applied after the token was read and matching the key
 * invalidates that response, even if it arrives after the purge (it is dropped, or stored stale for
 * a SOFT purge). Purge primitives carry the purge log sequence; applying one twice is harmless.
 */
public interface CacheStore {

    /** The purge state to hand to {@link #put}; read it before the origin fetch starts. */
    long fillToken();

    /** The stored response for the key and how usable it is now, or null on a miss. */
    @Nullable
    CacheHit get(CacheKey key);

    /**
     * Stores a response fetched under the given fill token, unless a purge since then forbids it.
     *
     * @return whether it was stored (false: dropped by a purge newer than the token)
     */
    boolean put(CacheKey key, CachedResponse response, long fillToken);

    /** Exact purge of one key (every variant). */
    void purgeKey(CacheKey key, PurgeMode mode, long seq);

    /**
     * Exact purge of only the variants of the key's target that a request with the given header
     * values would be served ({@link Variants#selectedBy}); a response that does not vary is served
     * to every request, so it is purged too. Applied lazily, like {@link #purgeMatching}.
     */
    void purgeVariants(CacheKey key, Map<String, String> requestHeaders, PurgeMode mode, long seq);

    /** Purges every object of the site that carries the tag. */
    void purgeTag(SiteId site, String tag, PurgeMode mode, long seq);

    /** Purges every object of the site. */
    void purgeSite(SiteId site, PurgeMode mode, long seq);

    /**
     * Purges every object of the site whose target matches: prefixes, globs and regexes. Applied
     * lazily at lookup to objects stored before the rule, and by the background sweeper.
     *
     * @param description how the rule reads in logs and metrics (e.g. "prefix /blog/")
     */
    void purgeMatching(SiteId site, Predicate<String> target, String description, PurgeMode mode, long seq);

    /**
     * Moves the applied sequence forward to {@code seq} without the commands before it: everything
     * stored under an older fill token counts as purged (HARD). For a cache that starts at the log's
     * head, and for one whose missed commands the log no longer holds.
     */
    void startAt(long seq);

    /** The highest purge sequence applied so far. */
    long appliedSeq();

    /** Number of objects held. */
    long size();

    /** Bytes held, as weighed against the budget. */
    long weightedSize();
}
