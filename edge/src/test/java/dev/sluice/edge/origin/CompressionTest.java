package dev.sluice.edge.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void compressibleTypes() {
        assertThat(Compression.compressible("text/html; charset=utf-8")).isTrue();
        assertThat(Compression.compressible("TEXT/CSS")).isTrue();
        assertThat(Compression.compressible("application/javascript")).isTrue();
        assertThat(Compression.compressible("application/json")).isTrue();
        assertThat(Compression.compressible("application/ld+json")).isTrue();
        assertThat(Compression.compressible("application/rss+xml")).isTrue();
        assertThat(Compression.compressible("image/svg+xml")).isTrue();
        assertThat(Compression.compressible("image/png")).isFalse();
        assertThat(Compression.compressible("font/woff2")).isFalse();
        assertThat(Compression.compressible("application/wasm")).isFalse();
        assertThat(Compression.compressible("application/zip")).isFalse();
    }

    @Test
    void gzipRoundTripsAndSkipsSmallOrIncompressibleBodies() throws IOException {
        byte[] text = "hello sluice ".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] gz = Objects.requireNonNull(Compression.gzip(text));
        assertThat(gz.length).isLessThan(text.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
        assertThat(Compression.gzip(new byte[Compression.MIN_BYTES - 1])).isNull();
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThat(Compression.gzip(noise)).isNull();
    }
}
