package dev.sluice.cache;

import java.util.concurrent.TimeUnit;

/**
 * Freshness arithmetic (RFC 9111 section 4.2, RFC 5861): age is the age at store plus the time
 * since; an object is fresh while its age is below its TTL, then stale within stale-while-revalidate,
 * then within stale-if-error. A SOFT purge makes it stale as of the purge, so its stale windows run
 * from the purge time. All arithmetic saturates instead of overflowing on huge lifetimes.
 */
final class Lifetimes {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private Lifetimes() {}

    /** When the response goes stale (clock nanos), taking a SOFT purge's time into account. */
    static long staleAt(CachedResponse r, long softStaleAt) {
        long natural = add(r.storedAtNanos(), add(r.ttlNanos(), -ageAtStoreNanos(r)));
        return Math.min(natural, softStaleAt);
    }

    /** When nothing can be served from it any more, not even as stale. */
    static long unusableAt(CachedResponse r, long softStaleAt) {
        return add(staleAt(r, softStaleAt), Math.max(r.staleWhileRevalidateNanos(), r.staleIfErrorNanos()));
    }

    static CacheHit hit(CachedResponse r, long softStaleAt, long now) {
        long staleAt = staleAt(r, softStaleAt);
        long age = add(ageAtStoreNanos(r), now - r.storedAtNanos());
        return new CacheHit(r, freshness(r, staleAt, now), seconds(age), seconds(staleAt - now));
    }

    private static Freshness freshness(CachedResponse r, long staleAt, long now) {
        if (now < staleAt) {
            return Freshness.FRESH;
        }
        long past = now - staleAt;
        if (past < r.staleWhileRevalidateNanos()) {
            return Freshness.STALE_WHILE_REVALIDATE;
        }
        if (past < r.staleIfErrorNanos()) {
            return Freshness.STALE_IF_ERROR;
        }
        return Freshness.EXPIRED;
    }

    static void validate(CachedResponse r) {
        requireNonNegative("ageAtStoreSeconds", r.ageAtStoreSeconds());
        requireNonNegative("ttlNanos", r.ttlNanos());
        requireNonNegative("staleWhileRevalidateNanos", r.staleWhileRevalidateNanos());
        requireNonNegative("staleIfErrorNanos", r.staleIfErrorNanos());
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("%s: %s (expected: >= 0)".formatted(name, value));
        }
    }

    private static long ageAtStoreNanos(CachedResponse r) {
        return r.ageAtStoreSeconds() >= Long.MAX_VALUE / NANOS_PER_SECOND
                ? Long.MAX_VALUE
                : r.ageAtStoreSeconds() * NANOS_PER_SECOND;
    }

    private static long seconds(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_SECOND);
    }

    static long add(long a, long b) {
        long sum = a + b;
        // Overflow only when both have the same sign and the sum's sign differs.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }
}
