package dev.sluice.dialect;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to be read past a limit, whether or not the client declared its length:
 * the read that would cross the limit throws a {@link SluiceException} of kind PAYLOAD_TOO_LARGE,
 * which dialects render in their vendor's shape. The exception is unchecked on purpose, so it reaches
 * the dialect's error table through parsers and stores that wrap {@link IOException}s.
 */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    /**
     * @param in the body
     * @param limit the most bytes allowed
     * @param declaredLength the Content-Length, or -1 when unknown: a declared length over the limit
     *     fails at the first read, before any byte is consumed
     */
    public BoundedInputStream(InputStream in, long limit, long declaredLength) {
        super(in);
        if (limit < 0) {
            throw new IllegalArgumentException("limit: %d (expected: >= 0)".formatted(limit));
        }
        this.limit = limit;
        this.count = declaredLength > limit ? limit + 1 : 0;
    }

    @Override
    public int read() throws IOException {
        check(0);
        int b = super.read();
        if (b >= 0) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check(0);
        // Ask for one byte past the limit at most, so an oversized body is seen without reading it all.
        int asked = (int) Math.min(length, limit - count + 1);
        int n = super.read(buffer, offset, Math.max(asked, 0));
        if (n > 0) {
            check(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        check(0);
        long skipped = super.skip(Math.min(n, limit - count + 1));
        check(skipped);
        return skipped;
    }

    private void check(long consumed) {
        count += consumed;
        if (count > limit) {
            throw new SluiceException(
                    ErrorKind.PAYLOAD_TOO_LARGE, "body: more than %d bytes (expected: <= %d)".formatted(limit, limit));
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
