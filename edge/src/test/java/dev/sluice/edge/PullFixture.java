package dev.sluice.edge;

import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.content.ContentReader;
import dev.sluice.content.Published;
import dev.sluice.core.SiteId;
import dev.sluice.edge.origin.PullOrigin;
import dev.sluice.edge.origin.SiteCachePolicy;
import dev.sluice.purge.CompiledMatcher;
import dev.sluice.purge.Matcher;
import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * A real edge serving one pull zone in front of a {@link FakeOrigin}, over the real memory cache,
 * with a manual clock that starts at the wall time (so the origin's Date headers agree with it).
 */
final class PullFixture implements AutoCloseable {

    static final SiteId SITE = new SiteId("acme", "pull");
    static final String HOST = "pull.acme.test";

    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final FakeOrigin origin;
    final MemoryCacheStore cache;
    final EdgeServer edge;
    final HttpClient client = new HttpClient();
    private long purgeSeq;

    PullFixture(SiteCachePolicy policy) throws Exception {
        this(policy, Duration.ofSeconds(2));
    }

    PullFixture(SiteCachePolicy policy, Duration readTimeout) throws Exception {
        origin = FakeOrigin.start();
        cache = new MemoryCacheStore(clock, 64L << 20);
        PullOrigin upstream =
                new PullOrigin(origin.uri("/base"), "origin.acme.test", Duration.ofSeconds(1), readTimeout, 4);
        EdgeSite site = new EdgeSite(SITE, Set.of(HOST), upstream, policy);
        EdgeConfig config = EdgeConfig.defaults().withListen("127.0.0.1", 0).withMaxCacheableBytes(50_000);
        edge = new EdgeServer(
                config, SiteDirectory.of(List.of(site)), cache, NO_CONTENT, new SimpleMeterRegistry(), clock);
        edge.start();
        client.setFollowRedirects(false);
        client.start();
        client.getContentDecoderFactories().clear();
    }

    Request request(String path) {
        return client.newRequest("127.0.0.1", edge.port())
                .path(path)
                .timeout(10, TimeUnit.SECONDS)
                .headers(h -> h.put(HttpHeader.HOST, HOST));
    }

    ContentResponse get(String path) throws Exception {
        return request(path).send();
    }

    /** Origin hits of a site path (the origin sees it under the base path). */
    int hits(String path) {
        return origin.hits("/base" + path);
    }

    /** Spins (never sleeps) until the origin has seen n requests for the path. */
    void awaitHits(String path, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (hits(path) < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (hits(path) != n) {
            throw new AssertionError("hits of %s: %s (expected: %s)".formatted(path, hits(path), n));
        }
    }

    void purge(Matcher matcher, PurgeMode mode) {
        CompiledMatcher.compile(matcher).apply(cache, SITE, mode, ++purgeSeq);
    }

    static @Nullable String cacheStatus(ContentResponse r) {
        return r.getHeaders().get("Cache-Status");
    }

    @Override
    public void close() throws Exception {
        client.stop();
        edge.close();
        origin.close();
    }

    // A pull zone never reads the content store.
    private static final ContentReader NO_CONTENT = new ContentReader() {
        @Override
        public @Nullable Published published(SiteId site, String path) {
            throw new AssertionError("content store read for a pull zone: " + path);
        }

        @Override
        public InputStream openBlob(String md5) {
            throw new AssertionError("blob read for a pull zone: " + md5);
        }
    };
}
