package dev.sluice.edge.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.content.Published;
import dev.sluice.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentResponsesTest {

    private final ManualClock clock = new ManualClock();
    private final ContentResponses responses = new ContentResponses(
            clock, Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofDays(1), Duration.ofSeconds(60));

    @Test
    void pagesCarryTheirStoredHeadersButNotTheirTags() {
        Published.Page page = new Published.Page(
                "abc",
                2000,
                "text/html",
                Map.of("cache-keys", "k1  k2", "x-custom", "yes", "content-type", "text/plain", "etag", "\"no\""),
                1_700_000_000L);
        byte[] body = "<p>x</p>".repeat(250).getBytes(StandardCharsets.UTF_8);
        CachedResponse r = responses.page(page, body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.etag()).isEqualTo("\"abc\"");
        assertThat(r.lastModifiedEpochSeconds()).isEqualTo(1_700_000_000L);
        assertThat(r.tags()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(r.headers())
                .contains(
                        new Header("Content-Type", "text/html"),
                        new Header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT"),
                        new Header("x-custom", "yes"),
                        new Header("Vary", "Accept-Encoding"));
        assertThat(r.headers().stream().map(Header::name)).doesNotContain("cache-keys", "content-type", "etag");
        assertThat(r.gzipBody()).isNotNull();
        assertThat(r.ttlNanos()).isEqualTo(Duration.ofHours(1).toNanos());
        assertThat(r.storedAtNanos()).isEqualTo(clock.nanoTime());
    }

    @Test
    void binaryTypesGetNoGzipAndNoVary() {
        Published.Page png = new Published.Page("p", 3000, "image/png", Map.of(), 0);
        CachedResponse r = responses.page(png, new byte[3000]);
        assertThat(r.gzipBody()).isNull();
        assertThat(r.headers().stream().map(Header::name)).doesNotContain("Vary");
    }

    @Test
    void notFoundResponsesAreTaggedAndShortLived() {
        CachedResponse plain = responses.notFound();
        assertThat(plain.status()).isEqualTo(404);
        assertThat(plain.tags()).containsExactly(ContentResponses.NOT_FOUND_TAG);
        assertThat(plain.ttlNanos()).isEqualTo(Duration.ofSeconds(60).toNanos());
        Published.Page page = new Published.Page("e", 5, "text/html", Map.of("cache-keys", "x"), 0);
        CachedResponse custom = responses.notFoundPage(page, "oops!".getBytes(StandardCharsets.UTF_8));
        assertThat(custom.status()).isEqualTo(404);
        assertThat(custom.etag()).isNull();
        assertThat(custom.tags()).containsExactly("sluice:404");
    }

    @Test
    void redirectsCarryTheirLocation() {
        CachedResponse r = responses.redirect(new Published.Redirect("/new", 301));
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.headers()).contains(new Header("Location", "/new"));
    }
}
