package dev.sluice.cache;

import dev.sluice.core.SiteId;

/**
 * What a cached response is filed under: the site and the request target as the site's origin sees
 * it (the canonical path for content sites; path plus query for pull zones), and the variant. All of
 * a site's hosts share its objects, since they share its origin. A response whose {@code Vary}
 * names request headers is stored under the variant its request selected ({@link Variants#id}); the
 * key without a variant then holds a {@link CachedResponse#varyMarker} naming those headers.
 * Purges of a target (exact, prefix, glob, regex) reach every variant of it.
 *
 * @param site the site
 * @param target the path, with the query when the site keeps queries in the key
 * @param variant the variant id, empty for a response that does not vary
 */
public record CacheKey(SiteId site, String target, String variant) {

    /** The key of a target's response that does not vary (or of its vary marker). */
    public CacheKey(SiteId site, String target) {
        this(site, target, "");
    }

    /** The same target under another variant. */
    public CacheKey withVariant(String id) {
        return new CacheKey(site, target, id);
    }

    /** The same target without a variant. */
    public CacheKey base() {
        return variant.isEmpty() ? this : new CacheKey(site, target, "");
    }
}
