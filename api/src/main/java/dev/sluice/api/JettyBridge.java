package dev.sluice.api;

import dev.sluice.dialect.BoundedInputStream;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Jetty meets the dialects: a blocking core handler (Jetty runs it on a virtual thread)
 * that turns the request into a {@link WireRequest}, with the body bounded by the configured limit,
 * and writes the {@link WireResponse} back. A handler that throws is a bug: logged, answered 500.
 */
final class JettyBridge extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(JettyBridge.class);

    private final WireHandler handler;
    private final long maxBodyBytes;

    private static final long DRAIN_LIMIT = 1 << 20;

    JettyBridge(WireHandler handler, long maxBodyBytes) {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        WireResponse reply;
        InputStream body = Content.Source.asInputStream(request);
        try {
            reply = handler.handle(toWire(request, body));
        } catch (RuntimeException e) {
            reply = failure(request, e);
        }
        response.setStatus(reply.status());
        for (String name : reply.headers().names()) {
            reply.headers().all(name).forEach(value -> response.getHeaders().add(name, value));
        }
        if (!drained(body)) {
            // The client is still sending a body nobody will read: say so rather than reset the
            // connection under a keep-alive client that would reuse it for its next request.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    /**
     * Reads what the route left of a small body (an early refusal, e.g. wrong credentials), so the
     * connection stays usable; gives up past {@link #DRAIN_LIMIT}.
     */
    private static boolean drained(InputStream body) {
        byte[] scratch = new byte[8192];
        long left = DRAIN_LIMIT;
        try {
            for (int n = body.read(scratch); n >= 0; n = body.read(scratch)) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private WireRequest toWire(Request request, InputStream body) {
        WireHeaders.Builder headers = WireHeaders.builder();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue());
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), new ArrayList<>(field.getValues()));
        }
        String path = request.getHttpURI().getDecodedPath();
        return new WireRequest(
                request.getMethod(),
                path == null ? "/" : path,
                query,
                headers.build(),
                new BoundedInputStream(body, maxBodyBytes, request.getLength()));
    }

    /** A malformed query or header is the client's error (Jetty's 4xx); anything else is logged. */
    private static WireResponse failure(Request request, RuntimeException e) {
        if (e instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            return ApiReplies.error(http.getCode(), "Bad request: " + http.getReason());
        }
        log.error("API {} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
        return ApiReplies.error(500, "Internal error");
    }
}
