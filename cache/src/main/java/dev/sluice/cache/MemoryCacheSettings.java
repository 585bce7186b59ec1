package dev.sluice.cache;

import java.time.Duration;

/**
 * How a {@link MemoryCacheStore} is sized.
 *
 * @param maxBytes the byte budget, weighed by {@link CachedResponse#weight()}
 * @param maxRulesPerSite how many prefix, glob and regex rules a site keeps pending before the oldest
 *     are folded into a whole-site purge of the objects not yet checked against them
 * @param keepAfterStale how long an object is kept past its last stale window, for conditional
 *     revalidation ({@code If-None-Match}) instead of a full refetch
 */
public record MemoryCacheSettings(long maxBytes, int maxRulesPerSite, Duration keepAfterStale) {

    /** Rules kept per site by default: enough for bursts of directory purges. */
    public static final int DEFAULT_MAX_RULES_PER_SITE = 4096;

    /** Kept past the stale windows by default. */
    public static final Duration DEFAULT_KEEP_AFTER_STALE = Duration.ofHours(1);

    public MemoryCacheSettings {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes: %s (expected: > 0)".formatted(maxBytes));
        }
        if (maxRulesPerSite < 1) {
            throw new IllegalArgumentException("maxRulesPerSite: %s (expected: >= 1)".formatted(maxRulesPerSite));
        }
        if (keepAfterStale.isNegative()) {
            throw new IllegalArgumentException("keepAfterStale: %s (expected: >= 0)".formatted(keepAfterStale));
        }
    }

    /** The defaults for a byte budget. */
    public static MemoryCacheSettings of(long maxBytes) {
        return new MemoryCacheSettings(maxBytes, DEFAULT_MAX_RULES_PER_SITE, DEFAULT_KEEP_AFTER_STALE);
    }
}
