package dev.sluice.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A webhook receiver on a loopback port: records every callback (path, headers, body) and answers
 * 503 to the first {@code failFirst} of each path, 204 after, so retries can be watched.
 */
final class HookReceiver implements AutoCloseable {

    /** One callback as received, with the status it was answered. */
    record Call(String path, Map<String, String> headers, String text, int answered) {

        @Nullable
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body's bytes (callbacks are UTF-8 JSON, so this is what was sent). */
        byte[] body() {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> failFirst = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Call> received = new ArrayList<>();

    private HookReceiver(HttpServer server) {
        this.server = server;
    }

    static HookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            HookReceiver receiver = new HookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} callbacks to the path are answered 503. */
    HookReceiver failFirst(String path, int n) {
        failFirst.put(path, n);
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            int n = seen.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = n <= failFirst.getOrDefault(path, 0) ? 503 : 204;
            record(new Call(path, headers, new String(body, java.nio.charset.StandardCharsets.UTF_8), status));
            ex.sendResponseHeaders(status, -1);
        }
    }

    private synchronized void record(Call call) {
        received.add(call);
        notifyAll();
    }

    /** How many callbacks to the path have come so far. */
    synchronized long count(String path) {
        return received.stream().filter(c -> c.path().equals(path)).count();
    }

    /** Waits up to {@code timeout} for {@code n} callbacks to the path; fails when fewer came. */
    List<Call> await(String path, int n, Duration timeout) {
        return awaitMatching(path, c -> true, n, timeout);
    }

    /** Waits for the first callback to the path whose body mentions the text. */
    Call awaitMentioning(String path, String text, Duration timeout) {
        return awaitMatching(path, c -> c.text().contains(text), 1, timeout).getFirst();
    }

    private synchronized List<Call> awaitMatching(String path, Predicate<Call> wanted, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                List<Call> got = received.stream()
                        .filter(c -> c.path().equals(path) && wanted.test(c))
                        .limit(n)
                        .toList();
                long left = deadline - System.nanoTime();
                if (got.size() == n) {
                    return got;
                }
                if (left <= 0) {
                    throw new AssertionError("%d of %d callbacks to %s within %s; all: %s"
                            .formatted(got.size(), n, path, timeout, received));
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
