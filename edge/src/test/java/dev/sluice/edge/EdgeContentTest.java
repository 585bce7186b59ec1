package dev.sluice.edge;

import static dev.sluice.edge.EdgeFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving pages from the content store through real HTTP: misses, hits, keys, HEAD, purges. */
class EdgeContentTest {

    @TempDir
    Path dir;

    private EdgeFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EdgeFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void aMissReadsTheStoreOnceThenHits() throws Exception {
        f.page("/about", "<h1>About</h1>", Map.of());
        ContentResponse miss = f.get("/about");
        assertThat(miss.getStatus()).isEqualTo(200);
        assertThat(miss.getContentAsString()).isEqualTo("<h1>About</h1>");
        assertThat(cacheStatus(miss)).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(miss.getHeaders().get(HttpHeader.CONTENT_TYPE)).startsWith("text/html");
        assertThat(miss.getHeaders().get(HttpHeader.ACCEPT_RANGES)).isEqualTo("bytes");
        assertThat(miss.getHeaders().get(HttpHeader.ETAG)).matches("\"[0-9a-f]{32}\"");
        assertThat(miss.getHeaders().get(HttpHeader.LAST_MODIFIED)).isEqualTo("Thu, 01 Jan 2026 00:00:00 GMT");
        f.clock.advance(java.time.Duration.ofSeconds(5));
        ContentResponse hit = f.get("/about");
        assertThat(hit.getContentAsString()).isEqualTo("<h1>About</h1>");
        assertThat(cacheStatus(hit)).isEqualTo("Sluice; hit; ttl=3595");
        assertThat(hit.getHeaders().get(HttpHeader.AGE)).isEqualTo("5");
        f.awaitRequests("miss", "2xx", 1);
        f.awaitRequests("hit", "2xx", 1);
    }

    @Test
    void trailingSlashIndexAndCaseAreOneObject() throws Exception {
        f.page("/docs/index.html", "docs", Map.of());
        assertThat(cacheStatus(f.get("/docs"))).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(cacheStatus(f.get("/docs/"))).startsWith("Sluice; hit");
        assertThat(cacheStatus(f.get("/docs/index.html"))).startsWith("Sluice; hit");
        assertThat(cacheStatus(f.get("/DOCS?utm=1"))).startsWith("Sluice; hit");
    }

    @Test
    void anotherHostOfTheSiteSharesItsObjects() throws Exception {
        f.page("/a", "a", Map.of());
        f.get("/a");
        ContentResponse alias = f.request("GET", "/a")
                .headers(h -> h.put(HttpHeader.HOST, "ALIAS.acme.test:8080"))
                .send();
        assertThat(cacheStatus(alias)).startsWith("Sluice; hit");
    }

    @Test
    void headIsGetWithoutBody() throws Exception {
        f.page("/h", "twelve bytes", Map.of());
        ContentResponse head = f.request("HEAD", "/h").send();
        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getContent()).isEmpty();
        assertThat(head.getHeaders().get(HttpHeader.CONTENT_LENGTH)).isEqualTo("12");
        assertThat(cacheStatus(f.get("/h"))).startsWith("Sluice; hit");
    }

    @Test
    void storedHeadersAreSentAndCacheKeysBecomeTags() throws Exception {
        f.page("/t", "tagged", Map.of("cache-keys", "blog post-1", "x-frame-options", "DENY"));
        ContentResponse r = f.get("/t");
        assertThat(r.getHeaders().get("x-frame-options")).isEqualTo("DENY");
        assertThat(r.getHeaders().contains("cache-keys")).isFalse();
        assertThat(cacheStatus(f.get("/t"))).startsWith("Sluice; hit");
        f.purgeTag("post-1");
        assertThat(cacheStatus(f.get("/t"))).isEqualTo("Sluice; fwd=miss; stored");
    }

    @Test
    void aPurgedKeyIsAMissAndServesTheNewRevision() throws Exception {
        f.page("/p", "v1", Map.of());
        assertThat(f.get("/p").getContentAsString()).isEqualTo("v1");
        f.page("/p", "v2", Map.of());
        assertThat(f.get("/p").getContentAsString()).isEqualTo("v1"); // cached until purged
        f.purge("/p/index.html");
        ContentResponse after = f.get("/p");
        assertThat(after.getContentAsString()).isEqualTo("v2");
        assertThat(cacheStatus(after)).isEqualTo("Sluice; fwd=miss; stored");
    }

    @Test
    void expiredObjectsAreFetchedAgain() throws Exception {
        f.page("/e", "e", Map.of());
        f.get("/e");
        f.clock.advance(java.time.Duration.ofMinutes(61)); // past ttl and stale-while-revalidate
        assertThat(cacheStatus(f.get("/e"))).isEqualTo("Sluice; fwd=stale; stored");
        f.clock.advance(java.time.Duration.ofDays(3)); // past every window: gone from the cache
        assertThat(cacheStatus(f.get("/e"))).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(cacheStatus(f.get("/e"))).startsWith("Sluice; hit");
    }

    @Test
    void staleWhileRevalidateServesTheOldCopyAndRefreshesInTheBackground() throws Exception {
        f.page("/s", "v1", Map.of());
        f.get("/s");
        f.page("/s", "v2", Map.of()); // pushed without a purge
        f.clock.advance(java.time.Duration.ofMinutes(60).plusSeconds(5)); // within the 10 s window
        ContentResponse stale = f.get("/s");
        assertThat(stale.getContentAsString()).isEqualTo("v1");
        assertThat(cacheStatus(stale)).isEqualTo("Sluice; hit; fwd=stale");
        CacheKey key = new CacheKey(EdgeFixture.SITE, "/s");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!refreshed(key) && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the refresh runs on a virtual thread; wait for it without sleeping
        }
        ContentResponse fresh = f.get("/s");
        assertThat(fresh.getContentAsString()).isEqualTo("v2");
        assertThat(cacheStatus(fresh)).startsWith("Sluice; hit; ttl=");
    }

    private boolean refreshed(CacheKey key) {
        CacheHit hit = f.cache.get(key);
        return hit != null && new String(hit.response().body(), java.nio.charset.StandardCharsets.UTF_8).equals("v2");
    }

    @Test
    void redirectsAreServedAndCached() throws Exception {
        f.redirect("/old", "/new", 301);
        ContentResponse r = f.get("/old");
        assertThat(r.getStatus()).isEqualTo(301);
        assertThat(r.getHeaders().get(HttpHeader.LOCATION)).isEqualTo("/new");
        assertThat(cacheStatus(f.get("/old"))).startsWith("Sluice; hit");
    }
}
