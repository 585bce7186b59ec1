package dev.sluice.api;

import dev.sluice.dialect.BoundedInputStream;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
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

    JettyBridge(WireHandler handler, long maxBodyBytes) {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        WireResponse reply;
        try {
            reply = handler.handle(toWire(request));
        } catch (RuntimeException e) {
            reply = failure(request, e);
        }
        response.setStatus(reply.status());

        for (String name : reply.headers().names()) {
            reply.headers().all(name).forEach(value -> response.getHeaders().add(name, value));
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private WireRequest toWire(Request request) {
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
                new BoundedInputStream(Content.Source.asInputStream(request), maxBodyBytes, request.getLength()));
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
