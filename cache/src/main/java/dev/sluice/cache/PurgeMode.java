package dev.sluice.cache;

/** How a purge treats what it matches. */
public enum PurgeMode {
    /** Evict: the next request is a miss. */
    HARD,
    /** Mark stale: served only as stale within its stale windows, and revalidated. */
    SOFT
}
