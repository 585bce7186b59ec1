package dev.sluice.edge;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentPush;
import dev.sluice.content.ContentService;
import dev.sluice.content.EntryType;
import dev.sluice.core.SiteId;
import dev.sluice.persistence.EmbeddedStore;
import dev.sluice.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * A real edge on an ephemeral loopback port, over the real embedded content store and memory cache,
 * with a manual clock, and a jetty-client that does not decode gzip (tests see the bytes sent).
 */
final class EdgeFixture implements AutoCloseable {

    static final SiteId SITE = new SiteId("acme", "www");
    static final String HOST = "www.acme.test";

    final ManualClock clock = new ManualClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EmbeddedStore store;
    final ContentService content;
    final MemoryCacheStore cache;
    final EdgeServer edge;
    final HttpClient client = new HttpClient();
    private long purgeSeq;

    EdgeFixture(Path dir, EdgeConfig config) throws Exception {
        store = EmbeddedStore.open(dir, clock, 64L << 20);
        content = store.contentService();
        cache = new MemoryCacheStore(clock, 64L << 20);
        SiteDirectory sites = SiteDirectory.of(List.of(new EdgeSite(SITE, Set.of(HOST, "alias.acme.test"))));
        edge = new EdgeServer(config.withListen("127.0.0.1", 0), sites, cache, store.contentReader(), registry, clock);
        edge.start();
        client.setFollowRedirects(false);
        client.start();
        client.getContentDecoderFactories().clear(); // after start: start installs gzip decoding
    }

    EdgeFixture(Path dir) throws Exception {
        this(dir, EdgeConfig.defaults());
    }

    Request request(String method, String path) {
        return client.newRequest("127.0.0.1", edge.port())
                .method(method)
                .path(path)
                .timeout(10, TimeUnit.SECONDS)
                .headers(h -> h.put(HttpHeader.HOST, HOST));
    }

    ContentResponse get(String path, String... headerPairs) throws Exception {
        Request r = request("GET", path);
        for (int i = 0; i < headerPairs.length; i += 2) {
            String name = headerPairs[i];
            String value = headerPairs[i + 1];
            r.headers(h -> h.put(name, value));
        }
        return r.send();
    }

    /** Waits (spinning, never sleeping) until the request counter reaches n: metrics land after the reply. */
    void awaitRequests(String cacheOutcome, String statusClass, double n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests(cacheOutcome, statusClass) < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (requests(cacheOutcome, statusClass) != n) {
            throw new AssertionError("requests{cache=%s,status=%s}: %s (expected: %s)"
                    .formatted(cacheOutcome, statusClass, requests(cacheOutcome, statusClass), n));
        }
    }

    static @Nullable String cacheStatus(ContentResponse r) {
        return r.getHeaders().get("Cache-Status");
    }

    void page(String url, String body, Map<String, String> headers) {
        push(EntryType.CONTENT, url, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    void file(String url, byte[] body, Map<String, String> headers) {
        push(EntryType.FILE, url, body, headers);
    }

    void redirect(String from, String to, int status) {
        content.push(
                SITE,
                new ContentPush(
                        EntryType.REDIRECT, from, true, null, Map.of(), Map.of(), to, status, null, null, null, null));
    }

    void proxy(String url, String destination, @Nullable String user, @Nullable String password) {
        content.push(
                SITE,
                new ContentPush(
                        EntryType.PROXY,
                        url,
                        true,
                        null,
                        Map.of(),
                        Map.of(),
                        null,
                        0,
                        destination,
                        user,
                        password,
                        null));
    }

    /** What the Quant API does after a push: purge the URL's key. */
    void purge(String url) {
        cache.purgeKey(new CacheKey(SITE, ContentPaths.canonical(url)), PurgeMode.HARD, ++purgeSeq);
    }

    void purgeTag(String tag) {
        cache.purgeTag(SITE, tag, PurgeMode.HARD, ++purgeSeq);
    }

    double requests(String cacheOutcome, String statusClass) {
        return registry.get("sluice.edge.requests")
                .tag("cache", cacheOutcome)
                .tag("status", statusClass)
                .counter()
                .count();
    }

    private void push(EntryType type, String url, byte[] body, Map<String, String> headers) {
        content.push(
                SITE,
                new ContentPush(
                        type,
                        url,
                        true,
                        new ByteArrayInputStream(body),
                        headers,
                        Map.of(),
                        null,
                        0,
                        null,
                        null,
                        null,
                        null));
    }

    @Override
    public void close() throws Exception {
        client.stop();
        edge.close();
        store.close();
    }
}
