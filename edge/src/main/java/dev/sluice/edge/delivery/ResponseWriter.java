package dev.sluice.edge.delivery;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.core.http.AcceptEncoding;
import dev.sluice.core.http.ByteRange;
import dev.sluice.core.http.Conditionals;
import dev.sluice.core.http.Conditionals.Preconditions;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.jspecify.annotations.Nullable;

/**
 * Writes a response held in memory: picks the representation (gzip or identity) by Accept-Encoding,
 * answers preconditions (304/412) and single byte ranges (206/416) on that representation, and
 * hands the body to Jetty in one write whose callback is the {@link Exchange}. Nothing here blocks
 * or copies the body, so it runs on selector threads.
 */
public final class ResponseWriter {

    /** The cache's name in Cache-Status. */
    public static final String CACHE_NAME = "Sluice";

    /** The RFC 9211 header name. */
    public static final String CACHE_STATUS = "Cache-Status";

    private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0);

    private ResponseWriter() {}

    /**
     * Writes the response.
     *
     * @param age the Age to send, in seconds
     * @param cacheStatus the Cache-Status value
     */
    public static void write(Exchange ex, CachedResponse r, long age, String cacheStatus, Outcome outcome) {
        byte[] gz = r.gzipBody();
        boolean gzip = gz != null
                && AcceptEncoding.acceptsGzip(ex.request().getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        byte[] body = gz != null && gzip ? gz : r.body();
        ByteRange.Partial part = prepare(ex, r, gzip, body.length, age, cacheStatus, outcome);
        if (part != null) {
            boolean noBody = ex.head() || part.size() == 0;
            ex.response()
                    .write(true, noBody ? NO_BODY : ByteBuffer.wrap(body, (int) part.first(), (int) part.size()), ex);
        }
    }

    /**
     * Sets status and headers for a response whose body of the given length the caller writes
     * itself (a streamed blob), or answers 304, 412 or 416 and returns null.
     *
     * @param r the response, for status, headers and validators (its body is not used)
     * @param gzip whether the gzip representation was chosen
     * @return the bytes of the body to write: all of it, or the requested range
     */
    public static ByteRange.@Nullable Partial prepare(
            Exchange ex, CachedResponse r, boolean gzip, long length, long age, String cacheStatus, Outcome outcome) {
        ex.outcome(outcome);
        HttpFields req = ex.request().getHeaders();
        String etag = gzip ? gzipTag(r.etag()) : r.etag();
        HttpFields.Mutable h = ex.response().getHeaders();
        if (r.status() == 200 && !preconditionsPass(ex, req, r, etag, age, cacheStatus)) {
            return null;
        }
        String rangeHeader = req.get(HttpHeader.RANGE);
        if (r.status() == 200
                && rangeHeader != null
                && Conditionals.ifRange(req.get(HttpHeader.IF_RANGE), etag, r.lastModifiedEpochSeconds())) {
            ByteRange range = ByteRange.parse(rangeHeader, length);
            if (range instanceof ByteRange.Partial p) {
                headers(h, r, etag, gzip, age, cacheStatus);
                h.put(HttpHeader.CONTENT_RANGE, p.contentRange());
                status(ex, 206, p.size());
                return p;
            }
            if (range instanceof ByteRange.Unsatisfiable u) {
                h.put(HttpHeader.CONTENT_RANGE, u.contentRange());
                h.put(CACHE_STATUS, cacheStatus);
                status(ex, 416, 0);
                ex.response().write(true, NO_BODY, ex);
                return null;
            }
        }
        headers(h, r, etag, gzip, age, cacheStatus);
        status(ex, r.status(), length);
        return new ByteRange.Partial(0, length - 1, length);
    }

    /** The gzip representation's tag: {@code "x"} becomes {@code "x-gz"}. */
    public static @Nullable String gzipTag(@Nullable String etag) {
        if (etag == null || !etag.endsWith("\"")) {
            return etag;
        }
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    // Returns false when it has answered 304 or 412 itself.
    private static boolean preconditionsPass(
            Exchange ex, HttpFields req, CachedResponse r, @Nullable String etag, long age, String cacheStatus) {
        Preconditions p = new Preconditions(
                req.get(HttpHeader.IF_MATCH),
                req.get(HttpHeader.IF_NONE_MATCH),
                req.get(HttpHeader.IF_MODIFIED_SINCE),
                req.get(HttpHeader.IF_UNMODIFIED_SINCE));
        if (!p.any()) {
            return true;
        }
        return switch (Conditionals.evaluate(p, true, etag, r.lastModifiedEpochSeconds())) {
            case PROCEED -> true;
            case NOT_MODIFIED -> {
                notModified(ex, r, etag, age, cacheStatus);
                yield false;
            }
            case PRECONDITION_FAILED -> {
                HttpFields.Mutable h = ex.response().getHeaders();
                h.put(CACHE_STATUS, cacheStatus);
                status(ex, 412, 0);
                ex.response().write(true, NO_BODY, ex);
                yield false;
            }
        };
    }

    // RFC 9110 section 15.4.5: the validator and caching headers a 200 would carry, no content headers.
    private static void notModified(
            Exchange ex, CachedResponse r, @Nullable String etag, long age, String cacheStatus) {
        HttpFields.Mutable h = ex.response().getHeaders();
        for (Header header : r.headers()) {
            String n = header.name();
            if (n.equalsIgnoreCase("cache-control")
                    || n.equalsIgnoreCase("expires")
                    || n.equalsIgnoreCase("vary")
                    || n.equalsIgnoreCase("last-modified")
                    || n.equalsIgnoreCase("content-location")) {
                h.add(n, header.value());
            }
        }
        if (etag != null) {
            h.put(HttpHeader.ETAG, etag);
        }
        h.put(HttpHeader.AGE, age);
        h.put(CACHE_STATUS, cacheStatus);
        Response resp = ex.response();
        resp.setStatus(304);
        resp.write(true, NO_BODY, ex);
    }

    private static void headers(
            HttpFields.Mutable h, CachedResponse r, @Nullable String etag, boolean gzip, long age, String cacheStatus) {
        for (Header header : r.headers()) {
            h.add(header.name(), header.value());
        }
        if (etag != null) {
            h.put(HttpHeader.ETAG, etag);
        }
        if (gzip) {
            h.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        if (r.status() == 200) {
            h.put(HttpHeader.ACCEPT_RANGES, "bytes");
        }
        h.put(HttpHeader.AGE, age);
        h.put(CACHE_STATUS, cacheStatus);
    }

    private static void status(Exchange ex, int status, long contentLength) {
        Response resp = ex.response();
        resp.setStatus(status);
        resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, contentLength);
    }
}
