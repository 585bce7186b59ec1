package dev.sluice.cache;

/** What a lookup found, as RFC 9111 and the purge state see it at that moment. */
public enum Freshness {
    /** Fresh: serve it. */
    FRESH,
    /** Past its freshness (or soft-purged) but within stale-while-revalidate: serve and refresh. */
    STALE_WHILE_REVALIDATE,
    /** Past its freshness (or soft-purged), usable only if the origin fails, within stale-if-error. */
    STALE_IF_ERROR,
    /** Past every window: revalidate or refetch before serving. */
    EXPIRED
}
