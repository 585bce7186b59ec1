package dev.sluice.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Records each request and answers it with the origin's scripted reply. */
final class FakeOriginHandler extends Handler.Abstract.NonBlocking {

    private final FakeOrigin origin;
    private final List<Callback> hanging = new CopyOnWriteArrayList<>();

    FakeOriginHandler(FakeOrigin origin) {
        this.origin = origin;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (HttpField f : request.getHeaders()) {
            headers.add(Map.entry(f.getName(), f.getValue()));
        }
        RecordedRequest recorded = new RecordedRequest(
                request.getMethod(),
                request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(),
                headers);
        FakeReply reply = origin.replyFor(recorded);
        if (reply.hangs()) {
            hanging.add(callback); // completed (failed) when the server stops
            return true;
        }
        CompletableFuture<Void> gate = origin.gateFor(recorded.path());
        if (gate != null && !gate.isDone()) {
            hanging.add(callback); // failed if the server stops first
            var _ = gate.thenRun(() -> {
                if (hanging.remove(callback)) {
                    respond(reply, response, callback);
                }
            });
            return true;
        }
        respond(reply, response, callback);
        return true;
    }

    private static void respond(FakeReply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        for (Map.Entry<String, String> h : reply.headers()) {
            response.getHeaders().add(h.getKey(), h.getValue());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    @Override
    protected void doStop() throws Exception {
        for (Callback c : hanging) {
            c.failed(new IllegalStateException("fake origin stopped"));
        }
        hanging.clear();
        super.doStop();
    }
}
