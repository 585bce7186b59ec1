package dev.sluice.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

class ProxyResponsesTest {

    @Test
    void storesEndToEndHeadersValidatorsAndTags() {
        HttpFields.Mutable h = HttpFields.build()
                .add("Content-Type", "text/plain")
                .add("Cache-Control", "max-age=60")
                .add("ETag", "\"v1\"")
                .add("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT")
                .add("Connection", "close, X-Hop")
                .add("X-Hop", "secret")
                .add("Keep-Alive", "timeout=5")
                .add("Cache-Keys", "a b")
                .add("Surrogate-Key", "c")
                .add("Age", "3")
                .add("Content-Length", "2000")
                .add("X-End", "kept");
        byte[] body = "x".repeat(2000).getBytes(StandardCharsets.UTF_8);
        ProxyPolicy.Decision d = new ProxyPolicy.Decision(true, "", 57, 3, 0, 0);
        CachedResponse r = ProxyResponses.build(200, h, body, d, new ManualClock());
        assertThat(r.etag()).isEqualTo("\"v1\"");
        assertThat(r.lastModifiedEpochSeconds()).isEqualTo(784111777L);
        assertThat(r.tags()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(r.ageAtStoreSeconds()).isEqualTo(3);
        assertThat(r.ttlNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(57));
        assertThat(r.gzipBody()).isNotNull();
        assertThat(r.headers().stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)))
                .containsExactlyInAnyOrder("content-type", "cache-control", "last-modified", "x-end", "vary");
        assertThat(r.headers()).contains(new Header("Vary", "Accept-Encoding"));
    }
}
