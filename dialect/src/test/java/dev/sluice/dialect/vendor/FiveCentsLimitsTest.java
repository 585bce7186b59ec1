package dev.sluice.dialect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 5centsCDN tasks are stored, so each request and each tenant's day are bounded. */
class FiveCentsLimitsTest {

    private final VendorFixture f = new VendorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private WireResponse purge(int files, int pathLength) {
        String body = IntStream.range(0, files)
                .mapToObj(i -> "\"/%0" + (pathLength - 1) + "d\"")
                .map(format -> format.formatted(0))
                .collect(Collectors.joining(",", "{\"files\":[", "]}"));
        f.clock.advance(Duration.ofSeconds(1)); // past the 5 requests per second
        return f.fivecents.handle(VendorFixture.request(
                "POST", "/http/pull/11/purge", WireHeaders.of("X-API-Key", "acme-5c"), body, Map.of()));
    }

    @Test
    void tooManyFilesOrPathBytesAreRefusedInTheVendorEnvelope() {
        WireResponse many = purge(1001, 10);
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.bodyText()).startsWith("{\"status\":\"error\",\"errors\":[{\"code\":400,");

        WireResponse big = purge(300, 1000);
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.bodyText()).contains("over 262144 bytes of paths");

        assertThat(purge(250, 1000).status()).isEqualTo(200);
        assertThat(f.taskStore.list(
                        "acme", "fivecents", java.time.Instant.EPOCH, java.time.Instant.parse("3000-01-01T00:00:00Z")))
                .hasSize(1);
    }

    @Test
    void aTenantMayPurgeTwentyThousandPathsPerRollingDay() {
        for (int i = 0; i < 20; i++) {
            assertThat(purge(1000, 10).status()).as("request %d", i).isEqualTo(200);
        }
        WireResponse over = purge(1, 10);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.bodyText())
                .startsWith("{\"status\":\"error\",\"errors\":[{\"code\":429,")
                .contains("20000 paths per 24 hours");

        f.clock.advance(Duration.ofHours(24));
        assertThat(purge(1, 10).status()).isEqualTo(200);
    }
}
