package dev.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheStatusTest {

    @Test
    void buildsTheValuesTheEdgeSends() {
        assertThat(CacheStatus.hit("Sluice", 42)).isEqualTo("Sluice; hit; ttl=42");
        assertThat(CacheStatus.of("Sluice").hit().ttl(42).build()).isEqualTo("Sluice; hit; ttl=42");
        assertThat(CacheStatus.of("Sluice").fwd(CacheStatus.Fwd.MISS).stored().build())
                .isEqualTo("Sluice; fwd=miss; stored");
        assertThat(CacheStatus.of("Sluice").fwd(CacheStatus.Fwd.URI_MISS).build())
                .isEqualTo("Sluice; fwd=uri-miss");
        assertThat(CacheStatus.of("Sluice").hit().fwd(CacheStatus.Fwd.STALE).build())
                .isEqualTo("Sluice; hit; fwd=stale");
    }

    @Test
    void keepsRfcParameterOrder() {
        String v = CacheStatus.of("Sluice")
                .detail("private")
                .collapsed()
                .stored()
                .ttl(-3)
                .fwdStatus(200)
                .fwd(CacheStatus.Fwd.STALE)
                .build();
        assertThat(v).isEqualTo("Sluice; fwd=stale; fwd-status=200; ttl=-3; stored; collapsed; detail=private");
    }

    @Test
    void quotesDetailsThatAreNotTokens() {
        assertThat(CacheStatus.of("S").detail("too large \"x\"").build())
                .isEqualTo("S; detail=\"too large \\\"x\\\"\"");
        assertThat(CacheStatus.of("S").detail("set-cookie").build()).isEqualTo("S; detail=set-cookie");
        assertThat(CacheStatus.of("S").detail("1st").build()).isEqualTo("S; detail=\"1st\"");
    }
}
