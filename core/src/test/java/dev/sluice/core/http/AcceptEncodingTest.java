package dev.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void gzipListedIsAccepted() {
        assertThat(AcceptEncoding.acceptsGzip("gzip")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("x-gzip")).isTrue();
    }

    @Test
    void qZeroRefuses() {
        assertThat(AcceptEncoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("gzip; q=0.000, *")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("*;q=0")).isFalse();
    }

    @Test
    void starCoversGzipUnlessListed() {
        assertThat(AcceptEncoding.acceptsGzip("*")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("br, *;q=0.1")).isTrue();
    }

    @Test
    void absentOrOtherCodingsMeanIdentity() {
        assertThat(AcceptEncoding.acceptsGzip(null)).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("identity")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("br, deflate")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("gzip;q=abc")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("gzip;q=2")).isFalse();
    }
}
