package dev.sluice.edge.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.jspecify.annotations.Nullable;

/** Short plain-text replies the edge makes itself: unknown host, 400, 405, 502, 504. */
public final class Replies {

    private static final String TEXT = "text/plain; charset=utf-8";

    private Replies() {}

    /** A plain-text reply; never cached. */
    public static void plain(Exchange ex, int status, String text, Outcome outcome, @Nullable String cacheStatus) {
        ex.outcome(outcome);
        Response resp = ex.response();
        HttpFields.Mutable h = resp.getHeaders();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        h.put(HttpHeader.CONTENT_TYPE, TEXT);
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (cacheStatus != null) {
            h.put(ResponseWriter.CACHE_STATUS, cacheStatus);
        }
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        resp.write(true, ex.head() ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), ex);
    }

    /** 405 for anything but GET and HEAD. */
    public static void methodNotAllowed(Exchange ex) {
        ex.response().getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        plain(ex, 405, "Method not allowed\n", Outcome.PASS, null);
    }
}
