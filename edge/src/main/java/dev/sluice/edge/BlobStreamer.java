package dev.sluice.edge;

import dev.sluice.cache.CachedResponse;
import dev.sluice.content.ContentReader;
import dev.sluice.content.Published;
import dev.sluice.core.http.ByteRange;
import dev.sluice.core.http.CacheStatus;
import dev.sluice.edge.delivery.Exchange;
import dev.sluice.edge.delivery.Outcome;
import dev.sluice.edge.delivery.Replies;
import dev.sluice.edge.delivery.ResponseWriter;
import dev.sluice.edge.origin.ContentResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a published file too large to cache straight from the blob store, honouring
 * preconditions and a single Range. Runs on a virtual thread and blocks on both sides: the blob read
 * and the client write (Jetty's blocking sink parks the virtual thread until the client drains), so
 * at most one buffer of the file is in memory per request.
 */
final class BlobStreamer {

    private static final Logger LOG = LoggerFactory.getLogger(BlobStreamer.class);
    private static final String CACHE_STATUS = CacheStatus.of(ResponseWriter.CACHE_NAME)
            .fwd(CacheStatus.Fwd.URI_MISS)
            .detail("too-large")
            .build();
    private static final byte[] NO_BYTES = new byte[0];
    private static final int BUFFER = 64 * 1024;

    private final ContentReader reader;
    private final ContentResponses responses;

    BlobStreamer(ContentReader reader, ContentResponses responses) {
        this.reader = reader;
        this.responses = responses;
    }

    void stream(Exchange ex, Published.Page page) {
        CachedResponse meta = responses.page(page, NO_BYTES);
        ByteRange.Partial part = ResponseWriter.prepare(ex, meta, false, page.size(), 0, CACHE_STATUS, Outcome.PASS);
        if (part == null) {
            return;
        }
        if (ex.head() || part.size() == 0) {
            ex.response().write(true, ByteBuffer.allocate(0), ex);
            return;
        }
        InputStream in;
        try {
            in = reader.openBlob(page.md5());
            in.skipNBytes(part.first());
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "blob {} of {} could not be opened",
                    page.md5(),
                    ex.request().getHttpURI(),
                    e);
            ex.response().getHeaders().clear();
            Replies.plain(ex, 502, "Origin error\n", Outcome.ERROR, CACHE_STATUS);
            return;
        }
        copy(ex, in, part.size());
    }

    private static void copy(Exchange ex, InputStream in, long length) {
        try (in) {
            OutputStream out = Content.Sink.asOutputStream(ex.response());
            byte[] buf = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("blob ended %d bytes early".formatted(left));
                }
                out.write(buf, 0, n);
                left -= n;
            }
            out.close(); // only on success: closing writes the last chunk
            ex.succeeded();
        } catch (IOException | RuntimeException e) {
            LOG.warn("streaming {} failed: {}", ex.request().getHttpURI(), e.toString());
            ex.failed(e);
        }
    }
}
