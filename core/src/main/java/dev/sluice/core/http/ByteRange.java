package dev.sluice.core.http;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code Range} header asks of a representation of known length (RFC 9110 section 14).
 *
 * <p>Only single ranges are honoured. A request for several ranges gets the whole representation
 * with 200: multipart/byteranges costs more to build than the bytes it saves, and RFC 9110 lets a
 * server ignore Range. A header that is not a valid {@code bytes=} set is ignored the same way.
 */
public sealed interface ByteRange {

    /** Serve the whole representation with 200. */
    record Full() implements ByteRange {}

    /**
     * Serve bytes {@code first..last} (inclusive) with 206.
     *
     * @param first the first byte offset
     * @param last the last byte offset, inclusive
     * @param length the full length, for Content-Range
     */
    record Partial(long first, long last, long length) implements ByteRange {

        /** The number of bytes in the range. */
        public long size() {
            return last - first + 1;
        }

        /** The Content-Range value: {@code bytes first-last/length}. */
        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + length;
        }
    }

    /**
     * Send 416 with {@code Content-Range: bytes *}{@code /length}.
     *
     * @param length the full length
     */
    record Unsatisfiable(long length) implements ByteRange {

        /** The Content-Range value: {@code bytes *}{@code /length}. */
        public String contentRange() {
            return "bytes */" + length;
        }
    }

    /** Parses a Range value (null: none) against a representation of the given length. */
    static ByteRange parse(@Nullable String header, long length) {
        return ByteRangeParser.parse(header, length);
    }
}
