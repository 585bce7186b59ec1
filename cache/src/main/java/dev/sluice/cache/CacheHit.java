package dev.sluice.cache;

/**
 * A lookup result: the stored response and how usable it is now.
 *
 * @param response the stored response
 * @param freshness how it may be served now
 * @param ageSeconds its current Age (RFC 9111 section 4.2.3)
 * @param remainingTtlSeconds seconds of freshness left (negative once stale), for Cache-Status ttl
 */
public record CacheHit(CachedResponse response, Freshness freshness, long ageSeconds, long remainingTtlSeconds) {}
