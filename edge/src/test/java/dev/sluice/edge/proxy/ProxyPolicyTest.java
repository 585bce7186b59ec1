package dev.sluice.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.http.HttpDates;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

class ProxyPolicyTest {

    private static final long NOW = 1_700_000_000L;
    private static final long MAX = 1000;

    private static ProxyPolicy.Decision decide(int status, HttpFields h) {
        return ProxyPolicy.decide(status, h, false, false, MAX, NOW);
    }

    private static HttpFields.Mutable fields(String... nameValues) {
        HttpFields.Mutable h = HttpFields.build();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.add(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }

    @Test
    void sMaxAgeWinsOverMaxAgeAndTheAgeIsKeptApart() {
        ProxyPolicy.Decision d = decide(200, fields("Cache-Control", "max-age=10, s-maxage=100", "Age", "30"));
        assertThat(d.store()).isTrue();
        assertThat(d.ttlSeconds()).isEqualTo(100); // the store subtracts the age once
        assertThat(d.ageSeconds()).isEqualTo(30);
    }

    @Test
    void expiresCountsFromDate() {
        HttpFields h = fields("Date", HttpDates.format(NOW - 5), "Expires", HttpDates.format(NOW + 55));
        ProxyPolicy.Decision d = decide(200, h);
        assertThat(d.store()).isTrue();
        assertThat(d.ttlSeconds()).isEqualTo(60);
        assertThat(d.ageSeconds()).isEqualTo(5);
        assertThat(decide(200, fields("Expires", "0")).detail()).isEqualTo("stale");
    }

    @Test
    void staleWindowsUnlessMustRevalidate() {
        ProxyPolicy.Decision d =
                decide(200, fields("Cache-Control", "max-age=5, stale-while-revalidate=7, stale-if-error=9"));
        assertThat(d.staleWhileRevalidateSeconds()).isEqualTo(7);
        assertThat(d.staleIfErrorSeconds()).isEqualTo(9);
        ProxyPolicy.Decision strict =
                decide(200, fields("Cache-Control", "max-age=5, stale-if-error=9, must-revalidate"));
        assertThat(strict.staleIfErrorSeconds()).isZero();
    }

    @Test
    void refusals() {
        assertThat(decide(200, fields()).detail()).isEqualTo("no-ttl");
        assertThat(decide(200, fields("Cache-Control", "private, max-age=60")).detail())
                .isEqualTo("private");
        assertThat(decide(200, fields("Cache-Control", "no-store, max-age=60")).detail())
                .isEqualTo("no-store");
        assertThat(decide(200, fields("Cache-Control", "no-cache, max-age=60")).detail())
                .isEqualTo("no-cache");
        assertThat(decide(200, fields("Cache-Control", "max-age=60", "Set-Cookie", "a=b"))
                        .detail())
                .isEqualTo("set-cookie");
        assertThat(decide(200, fields("Cache-Control", "max-age=60", "Vary", "Cookie"))
                        .detail())
                .isEqualTo("vary");
        assertThat(decide(200, fields("Cache-Control", "max-age=60", "Vary", "accept-encoding"))
                        .store())
                .isTrue();
        assertThat(decide(200, fields("Cache-Control", "max-age=60", "Content-Encoding", "gzip"))
                        .detail())
                .isEqualTo("content-encoding");
        assertThat(decide(200, fields("Cache-Control", "max-age=60", "Content-Length", "1001"))
                        .detail())
                .isEqualTo("too-large");
        assertThat(decide(500, fields("Cache-Control", "max-age=60")).detail()).isEqualTo("status");
        assertThat(ProxyPolicy.decide(200, fields("Cache-Control", "max-age=60"), true, false, MAX, NOW)
                        .detail())
                .isEqualTo("head");
    }

    @Test
    void authorizedRequestsNeedExplicitPermission() {
        assertThat(ProxyPolicy.decide(200, fields("Cache-Control", "max-age=60"), false, true, MAX, NOW)
                        .detail())
                .isEqualTo("authorization");
        assertThat(ProxyPolicy.decide(200, fields("Cache-Control", "s-maxage=60"), false, true, MAX, NOW)
                        .store())
                .isTrue();
    }
}
