package dev.sluice.edge.delivery;

import dev.sluice.core.Clock;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One client request on its way through the edge, and the callback that finishes it. Writers pass
 * the exchange itself as the write callback, so the request is counted (outcome, status, latency)
 * exactly once, when Jetty reports the last write done or failed.
 */
public final class Exchange implements Callback {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final EdgeMetrics metrics;
    private final Clock clock;
    private final long startNanos;
    private final boolean head;
    private volatile Outcome outcome = Outcome.PASS;

    public Exchange(Request request, Response response, Callback callback, EdgeMetrics metrics, Clock clock) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.metrics = metrics;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.head = HttpMethod.HEAD.is(request.getMethod());
    }

    public Request request() {
        return request;
    }

    public Response response() {
        return response;
    }

    /** Whether the method is HEAD: the reply carries the headers of a GET and no body. */
    public boolean head() {
        return head;
    }

    /** Sets the outcome counted when the exchange completes. */
    public void outcome(Outcome value) {
        this.outcome = value;
    }

    @Override
    public void succeeded() {
        metrics.request(outcome, response.getStatus(), clock.nanoTime() - startNanos);
        callback.succeeded();
    }

    @Override
    public void failed(Throwable x) {
        metrics.request(outcome, response.isCommitted() ? response.getStatus() : 0, clock.nanoTime() - startNanos);
        callback.failed(x);
    }

    @Override
    public InvocationType getInvocationType() {
        return callback.getInvocationType();
    }
}
