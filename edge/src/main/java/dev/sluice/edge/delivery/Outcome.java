package dev.sluice.edge.delivery;

import java.util.Locale;

/** How the cache took part in a reply, as counted in metrics. */
public enum Outcome {
    /** Served fresh from memory. */
    HIT,
    /** Filled from the origin (or joined another request's fill). */
    MISS,
    /** Served stale: while revalidating, or because the origin failed. */
    STALE,
    /** Not a cache matter: passed through uncached, or refused before lookup (unknown host, 405, 400). */
    PASS,
    /** The origin failed and nothing could be served. */
    ERROR;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
