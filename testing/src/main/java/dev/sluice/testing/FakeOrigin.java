package dev.sluice.testing;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP origin for tests: a Jetty server on an ephemeral loopback port that answers each path
 * with scripted {@link FakeReply replies}, records every request and counts hits per path. It sends
 * no Date of its own (caches under test run on manual clocks).
 *
 * <p>Replies queued with {@link #enqueue} are used once each, in order; when a path's queue is
 * empty, its {@link #always} reply answers; a path with neither gets 404. {@link #stop()} closes the
 * port, so later fetches fail to connect, as from a dead origin.
 */
public final class FakeOrigin implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(noDate()));
    private final Map<String, Deque<FakeReply>> queued = new HashMap<>();
    private final Map<String, FakeReply> standing = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile int port = -1;

    private FakeOrigin() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new FakeOriginHandler(this));
        server.setStopTimeout(0);
    }

    // Tests run caches on manual clocks: a wall-clock Date would age responses by the clock skew.
    // A reply that wants a Date sets one itself.
    private static HttpConfiguration noDate() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendDateHeader(false);
        http.setSendServerVersion(false);
        return http;
    }

    /** Starts an origin on an ephemeral loopback port. */
    public static FakeOrigin start() throws Exception {
        FakeOrigin origin = new FakeOrigin();
        origin.server.start();
        origin.port = origin.connector.getLocalPort(); // kept after stop, so URIs still point here
        return origin;
    }

    /** The bound port (still reported after {@link #stop()}). */
    public int port() {
        return port;
    }

    /** The absolute URI of a path on this origin. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Queues a reply used once for the path. */
    public synchronized FakeOrigin enqueue(String path, FakeReply reply) {
        queued.computeIfAbsent(path, p -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** Sets the reply for the path whenever its queue is empty. */
    public synchronized FakeOrigin always(String path, FakeReply reply) {
        standing.put(path, reply);
        return this;
    }

    /**
     * Holds every reply for the path (counted and recorded on arrival) until the returned future is
     * completed, to line up concurrent requests without sleeping. Completing it releases them all
     * and lifts the gate.
     */
    public CompletableFuture<Void> gate(String path) {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        gates.put(path, gate);
        var _ = gate.whenComplete((v, e) -> gates.remove(path, gate));
        return gate;
    }

    /** How many requests the path received. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The latest request received for the path; fails when there was none. */
    public RecordedRequest lastRequest(String path) {
        List<RecordedRequest> all = new ArrayList<>(requests);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).path().equals(path)) {
                return all.get(i);
            }
        }
        throw new IllegalStateException("path: %s (expected: a request received for it)".formatted(path));
    }

    /** Stops the server: connections are closed and the port refuses new ones. */
    public void stop() throws Exception {
        server.stop();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    // The gate the path's replies wait for, or null.
    @Nullable
    CompletableFuture<Void> gateFor(String path) {
        return gates.get(path);
    }

    // Called by the handler for each request.
    synchronized FakeReply replyFor(RecordedRequest request) {
        requests.add(request);
        hits.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
        Deque<FakeReply> queue = queued.get(request.path());
        FakeReply next = queue == null ? null : queue.poll();
        if (next != null) {
            return next;
        }
        FakeReply always = standing.get(request.path());
        return always != null ? always : FakeReply.status(404).body("no reply scripted for " + request.path());
    }
}
