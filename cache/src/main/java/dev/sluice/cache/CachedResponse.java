package dev.sluice.cache;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A response held in memory, ready to be written to a client without touching the origin or disk.
 *
 * @param status the HTTP status
 * @param headers the headers sent to clients (no hop-by-hop, no tag or surrogate headers)
 * @param body the identity-encoded body
 * @param gzipBody the gzip-encoded body when the type is worth compressing, else null
 * @param etag the strong or weak entity tag, quoted, or null
 * @param lastModifiedEpochSeconds Last-Modified as epoch seconds, or -1
 * @param tags the cache tags the origin gave (Surrogate-Key, Cache-Tag, Cache-Keys)
 * @param storedAtNanos when the response was stored, on the store's clock
 * @param ageAtStoreSeconds the Age the response already had when it arrived
 * @param ttlNanos its freshness lifetime (RFC 9111 section 4.2.1); the age at store counts against it
 * @param staleWhileRevalidateNanos how long past freshness it may be served while refreshed
 * @param staleIfErrorNanos how long past freshness it may be served when the origin fails
 */
// Bodies are shared, never mutated after the fill: copying them per hit would cost more than a hit.
@SuppressWarnings("ArrayRecordComponent")
public record CachedResponse(
        int status,
        List<Header> headers,
        byte[] body,
        byte @Nullable [] gzipBody,
        @Nullable String etag,
        long lastModifiedEpochSeconds,
        Set<String> tags,
        long storedAtNanos,
        long ageAtStoreSeconds,
        long ttlNanos,
        long staleWhileRevalidateNanos,
        long staleIfErrorNanos) {

    private static final int VARY_MARKER = 0;
    private static final byte[] NO_BODY = new byte[0];

    /**
     * What the key without a variant holds when the target's responses vary: the header fields
     * that select a variant (see {@link Variants}), living as long as the variant it came with.
     */
    public static CachedResponse varyMarker(List<String> varyNames, CachedResponse variant) {
        return new CachedResponse(
                VARY_MARKER,
                List.of(new Header("Vary", String.join(", ", varyNames))),
                NO_BODY,
                null,
                null,
                -1,
                Set.of(),
                variant.storedAtNanos(),
                variant.ageAtStoreSeconds(),
                variant.ttlNanos(),
                variant.staleWhileRevalidateNanos(),
                variant.staleIfErrorNanos());
    }

    /** Whether this is a {@link #varyMarker} rather than a response. */
    public boolean isVaryMarker() {
        return status == VARY_MARKER;
    }

    /** The header fields a {@link #varyMarker} names, empty for a response. */
    public List<String> varyNames() {
        if (!isVaryMarker()) {
            return List.of();
        }
        return List.of(headers.getFirst().value().split("\\s*,\\s*", -1));
    }

    /** Bytes this entry costs in memory, for the store's budget (bodies plus an estimate of the rest). */
    public long weight() {
        long w = 256L + body.length + (gzipBody == null ? 0 : gzipBody.length);
        for (Header h : headers) {
            w += 48L + 2L * (h.name().length() + h.value().length());
        }
        for (String t : tags) {
            w += 40L + 2L * t.length();
        }
        return w;
    }
}
