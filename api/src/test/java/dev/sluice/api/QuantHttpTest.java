package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.core.SiteId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the golden files cannot say: the cache itself, limits, health and metrics. */
class QuantHttpTest {

    @TempDir
    Path dataDir;

    private static CachedResponse cached(String body) {
        return new CachedResponse(
                200,
                List.of(new Header("Content-Type", "text/html")),
                body.getBytes(StandardCharsets.UTF_8),
                null,
                null,
                -1,
                Set.of(),
                0,
                0,
                Duration.ofHours(1).toNanos(),
                0,
                0);
    }

    private static String page(String url, String content) {
        return "{\"url\":\"%s\",\"content\":\"%s\",\"published\":true}".formatted(url, content);
    }

    @Test
    void aContentChangePurgesTheCachedPageUnlessSkipped() throws IOException {
        try (QuantNode node = new QuantNode(dataDir)) {
            CacheKey blog = new CacheKey(QuantNode.BLOG, "/blog");
            CacheKey about = new CacheKey(QuantNode.BLOG, "/about");
            node.cache.put(blog, cached("old blog"), node.cache.fillToken());
            node.cache.put(about, cached("old about"), node.cache.fillToken());

            HttpResponse<String> skipped = node.send(node.blog("/v1")
                    .header("Quant-Skip-Purge", "true")
                    .POST(BodyPublishers.ofString(page("/blog/index.html", "v1")))
                    .build());
            assertThat(skipped.statusCode()).isEqualTo(200);
            assertThat(node.cache.get(blog))
                    .as("Quant-Skip-Purge keeps the cached page")
                    .isNotNull();

            node.send(node.blog("/v1")
                    .POST(BodyPublishers.ofString(page("/blog/index.html", "v2")))
                    .build());
            assertThat(node.cache.get(blog)).as("a push purges the page").isNull();
            assertThat(node.cache.get(about)).as("and only that page").isNotNull();

            node.send(node.blog("/v1/purge")
                    .header("Quant-Url", "/*")
                    .POST(BodyPublishers.noBody())
                    .build());
            assertThat(node.cache.get(about)).as("/* purges the whole site").isNull();
        }
    }

    @Test
    void skipPurgeIsHonouredOnlyOnPushes() throws IOException {
        try (QuantNode node = new QuantNode(dataDir)) {
            node.send(node.blog("/v1")
                    .POST(BodyPublishers.ofString(page("/blog/index.html", "v1")))
                    .build());
            CacheKey blog = new CacheKey(QuantNode.BLOG, "/blog");
            node.cache.put(blog, cached("live"), node.cache.fillToken());
            HttpResponse<String> reply = node.send(node.blog("/v1/unpublish")
                    .header("Quant-Url", "/blog")
                    .header("Quant-Skip-Purge", "true") // leaked by quant-cli 1.12
                    .method("PATCH", BodyPublishers.noBody())
                    .build());
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(node.cache.get(blog)).isNull();
        }
    }

    @Test
    void cacheKeysPurgeTaggedObjectsOfTheSiteOnly() throws IOException {
        try (QuantNode node = new QuantNode(dataDir)) {
            SiteId shop = QuantNode.SHOP;
            CachedResponse tagged = new CachedResponse(
                    200, List.of(), new byte[1], null, null, -1, Set.of("release:1"), 0, 0, Long.MAX_VALUE / 4, 0, 0);
            node.cache.put(new CacheKey(QuantNode.BLOG, "/a"), tagged, node.cache.fillToken());
            node.cache.put(new CacheKey(shop, "/a"), tagged, node.cache.fillToken());
            node.send(node.blog("/v1/purge")
                    .header("Cache-Keys", "release:1")
                    .POST(BodyPublishers.noBody())
                    .build());
            assertThat(node.cache.get(new CacheKey(QuantNode.BLOG, "/a"))).isNull();
            assertThat(node.cache.get(new CacheKey(shop, "/a"))).isNotNull();
        }
    }

    @Test
    void bodiesOverTheLimitAre413InTheQuantShapeWithOrWithoutLength() throws IOException {
        try (QuantNode node = new QuantNode(dataDir, 1024)) {
            String big = page("/big", "x".repeat(2000));
            HttpResponse<String> declared = node.send(
                    node.blog("/v1").POST(BodyPublishers.ofString(big)).build());
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(declared.body()).contains("\"error\":true", "\"errorMsg\":\"body: more than 1024 bytes");

            HttpResponse<String> streamed = node.send(node.blog("/v1")
                    .POST(BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                    .build());
            assertThat(streamed.statusCode()).isEqualTo(413);
            assertThat(streamed.body()).contains("\"errorMsg\":\"body: more than 1024 bytes");

            String file = "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.bin\"\r\n\r\n"
                    + "y".repeat(4000) + "\r\n--b--\r\n";
            HttpResponse<String> upload = node.send(node.blog("/v1")
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .header("Quant-File-Url", "/a.bin")
                    .POST(BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
                    .build());
            assertThat(upload.statusCode()).isEqualTo(413);
            assertThat(node.content().urlMeta(QuantNode.BLOG, List.of("/big", "/a.bin")))
                    .isEmpty();
        }
    }

    @Test
    void overTheSiteLimitIs429WithRetryAfter() throws IOException {
        try (QuantNode node = new QuantNode(dataDir)) {
            HttpRequest ping =
                    node.quant("/v1/ping", QuantNode.LIMITED, "limited-token").build();
            assertThat(node.send(ping).statusCode()).isEqualTo(200);
            assertThat(node.send(ping).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = node.send(ping);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(limited.body())
                    .isEqualTo("{\"error\":true,\"errorMsg\":\"Rate limit exceeded: 2 requests per PT1M\","
                            + "\"message\":\"Rate limit exceeded: 2 requests per PT1M\"}");
            assertThat(node.send(node.blog("/v1/ping").build()).statusCode())
                    .as("other sites are not limited")
                    .isEqualTo(200);
            node.clock.advance(Duration.ofSeconds(30));
            assertThat(node.send(ping).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthMetricsAndRequestMeters() throws IOException {
        try (QuantNode node = new QuantNode(dataDir)) {
            HttpResponse<String> health =
                    node.send(HttpRequest.newBuilder(node.uri("/healthz")).build());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            HttpResponse<String> metrics =
                    node.send(HttpRequest.newBuilder(node.uri("/metrics")).build());
            assertThat(metrics.body()).isEqualTo("# metrics\n");
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));

            node.send(node.blog("/v1/ping").build());
            node.send(node.blog("/v1/ping").setHeader("Quant-Token", "wrong").build());
            assertThat(node.registry
                            .get(ApiMetrics.REQUESTS)
                            .tags("api", "quant", "method", "GET", "status", "200")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(node.registry
                            .get(ApiMetrics.LATENCY)
                            .tags("api", "quant", "status", "403")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
    }
}
