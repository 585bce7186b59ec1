package dev.sluice.edge;

import static dev.sluice.edge.EdgeFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.FakeReply;
import dev.sluice.testing.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published proxies: forwarded to a real (fake) origin, streamed, cached only when allowed. */
class EdgeProxyTest {

    @TempDir
    Path dir;

    private EdgeFixture f;
    private FakeOrigin origin;

    @BeforeEach
    void start() throws Exception {
        origin = FakeOrigin.start();
        f = new EdgeFixture(dir, config().withAllowPrivateProxyDestinations(true));
    }

    private static EdgeConfig config() {
        return EdgeConfig.defaults().withMaxCacheableBytes(50_000).withOriginTimeout(Duration.ofMillis(500));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        origin.close();
    }

    @Test
    void forwardsWithBasicAuthAndCleanHeadersThenCaches() throws Exception {
        origin.always(
                "/upstream/api",
                FakeReply.ok("from origin")
                        .header("Cache-Control", "public, max-age=60")
                        .header("Cache-Keys", "api v1")
                        .header("Connection", "X-Origin-Hop")
                        .header("X-Origin-Hop", "private-to-the-hop")
                        .header("X-End-To-End", "kept"));
        f.proxy("/api", origin.uri("/upstream/api").toString(), "user", "pa:ss");
        ContentResponse r = f.request("GET", "/api")
                .headers(h -> h.put("Connection", "X-Client-Hop")
                        .put("X-Client-Hop", "1")
                        .put("Authorization", "Bearer client-token")
                        .put("X-Forwarded-For", "10.0.0.1")
                        .put("Cookie", "c=1"))
                .send();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString()).isEqualTo("from origin");
        assertThat(cacheStatus(r)).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(r.getHeaders().get("X-End-To-End")).isEqualTo("kept");
        assertThat(r.getHeaders().contains("Cache-Keys")).isFalse();
        assertThat(r.getHeaders().contains("X-Origin-Hop")).isFalse();

        RecordedRequest sent = origin.lastRequest("/upstream/api");
        String basic = Base64.getEncoder().encodeToString("user:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.header("Authorization")).isEqualTo("Basic " + basic);
        assertThat(sent.header("X-Forwarded-For")).isEqualTo("10.0.0.1, 127.0.0.1");
        assertThat(sent.header("X-Forwarded-Host")).isEqualTo(EdgeFixture.HOST);
        assertThat(sent.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(sent.header("Accept-Encoding")).isEqualTo("identity");
        assertThat(sent.header("Cookie")).isEqualTo("c=1");
        assertThat(sent.has("X-Client-Hop")).isFalse();

        ContentResponse hit = f.get("/api");
        assertThat(hit.getContentAsString()).isEqualTo("from origin");
        assertThat(cacheStatus(hit)).startsWith("Sluice; hit");
        assertThat(origin.hits("/upstream/api")).isEqualTo(1);
        f.purgeTag("v1");
        assertThat(cacheStatus(f.get("/api"))).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(origin.hits("/upstream/api")).isEqualTo(2);
    }

    @Test
    void uncacheableResponsesPassThrough() throws Exception {
        origin.always("/p", FakeReply.ok("mine").header("Cache-Control", "private, max-age=60"));
        f.proxy("/private", origin.uri("/p").toString(), null, null);
        ContentResponse r = f.get("/private");
        assertThat(r.getContentAsString()).isEqualTo("mine");
        assertThat(cacheStatus(r)).isEqualTo("Sluice; fwd=uri-miss; fwd-status=200; detail=private");
        f.get("/private");
        assertThat(origin.hits("/p")).isEqualTo(2);
        assertThat(origin.lastRequest("/p").has("Authorization")).isFalse();
    }

    @Test
    void largeBodiesStreamUncached() throws Exception {
        String big = "0123456789".repeat(20_000);
        origin.always("/big", FakeReply.ok(big).header("Cache-Control", "max-age=60"));
        f.proxy("/big", origin.uri("/big").toString(), null, null);
        ContentResponse r = f.get("/big");
        assertThat(r.getContentAsString()).isEqualTo(big);
        assertThat(cacheStatus(r)).contains("detail=too-large");
        f.get("/big");
        assertThat(origin.hits("/big")).isEqualTo(2);
    }

    @Test
    void staleIfErrorCoversAFailingOrigin() throws Exception {
        origin.enqueue("/f", FakeReply.ok("good").header("Cache-Control", "max-age=1, stale-if-error=600"));
        origin.always("/f", FakeReply.status(503).body("down"));
        f.proxy("/flaky", origin.uri("/f").toString(), null, null);
        assertThat(f.get("/flaky").getContentAsString()).isEqualTo("good");
        f.clock.advance(Duration.ofSeconds(5));
        ContentResponse stale = f.get("/flaky");
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString()).isEqualTo("good");
        assertThat(cacheStatus(stale)).isEqualTo("Sluice; hit; fwd=stale; detail=origin-503");
        assertThat(origin.hits("/f")).isEqualTo(2);
    }

    @Test
    void privateDestinationsAreRefusedUnlessAllowed() throws Exception {
        origin.always("/metrics", FakeReply.ok("secret").header("Cache-Control", "max-age=60"));
        try (EdgeFixture strict = new EdgeFixture(dir.resolve("strict"), config())) {
            strict.proxy("/loop", origin.uri("/metrics").toString(), null, null);
            strict.proxy("/meta", "http://169.254.169.254/latest/meta-data/", null, null);
            strict.proxy("/lan", "http://10.1.2.3:8081/metrics", null, null);
            strict.proxy("/named", "http://localhost:" + origin.uri("/").getPort() + "/metrics", null, null);
            for (String path : new String[] {"/loop", "/meta", "/lan", "/named"}) {
                ContentResponse r = strict.get(path);
                assertThat(r.getStatus()).as(path).isEqualTo(502);
                assertThat(r.getContentAsString()).as(path).isEqualTo("Proxy destination not allowed\n");
                assertThat(cacheStatus(r)).as(path).contains("detail=destination-refused");
            }
        }
        assertThat(origin.hits("/metrics")).isZero();
        f.proxy("/loop", origin.uri("/metrics").toString(), null, null);
        assertThat(f.get("/loop").getContentAsString()).isEqualTo("secret");
    }

    @Test
    void aDeadOriginIs502AndASilentOneIs504() throws Exception {
        origin.always("/slow", FakeReply.hang());
        f.proxy("/slow", origin.uri("/slow").toString(), null, null);
        ContentResponse slow = f.get("/slow");
        assertThat(slow.getStatus()).isEqualTo(504);
        assertThat(cacheStatus(slow)).contains("detail=origin-timeout");
        f.proxy("/dead", origin.uri("/dead").toString(), null, null);
        origin.stop();
        ContentResponse dead = f.get("/dead");
        assertThat(dead.getStatus()).isEqualTo(502);
        assertThat(dead.getHeaders().get(HttpHeader.CONTENT_TYPE)).startsWith("text/plain");
        f.awaitRequests("error", "5xx", 2);
    }
}
