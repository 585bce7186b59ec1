package dev.sluice.cache;

import dev.sluice.core.SiteId;

/**
 * What a cached response is filed under: the site and the request target as the site's origin sees
 * it (the canonical path for content sites; path plus query for pull zones). All of a site's hosts
 * share its objects, since they share its origin. Variants selected by {@code Vary} live under one key.
 *
 * @param site the site
 * @param target the path, with the query when the site keeps queries in the key
 */
public record CacheKey(SiteId site, String target) {}
