package dev.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeConfigTest {

    @Test
    void defaultsAreASingleNode() {
        EdgeConfig c = EdgeConfig.defaults();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.maxCacheableBytes()).isEqualTo(16L << 20);
        assertThat(c.notFoundTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withersChangeOneThing() {
        EdgeConfig c = EdgeConfig.defaults().withListen("0.0.0.0", 0).withMaxCacheableBytes(10);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isZero();
        assertThat(c.maxCacheableBytes()).isEqualTo(10);
        assertThat(c.withOriginTimeout(Duration.ofSeconds(1)).originTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> EdgeConfig.defaults().withListen("127.0.0.1", 70000))
                .hasMessage("port: 70000 (expected: 0-65535)");
        assertThatThrownBy(() -> EdgeConfig.defaults().withMaxCacheableBytes(0))
                .hasMessageStartingWith("maxCacheableBytes: 0");
        assertThatThrownBy(() -> EdgeConfig.defaults().withOriginTimeout(Duration.ZERO))
                .hasMessage("originTimeout: PT0S (expected: > 0)");
    }
}
