package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendor bodies are parsed whole into memory, so they get a limit of their own, far below uploads'. */
class VendorBodyLimitTest {

    @TempDir
    Path dir;

    private VendorApiNode node;

    @BeforeEach
    void start() throws Exception {
        node = new VendorApiNode(dir);
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    private HttpResponse<String> fiveCents(int padding) {
        // Valid JSON whatever its size: one file, then whitespace.
        String body = "{\"files\":[\"/a\"]}" + " ".repeat(padding);
        return node.send(HttpRequest.newBuilder(node.uri("/v2/zones/http/pull/11/purge"))
                .header("X-API-Key", "acme-5c")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void aBodyOverFourMebibytesGetsTheVendors413() {
        HttpResponse<String> big = fiveCents((int) ApiServerConfig.DEFAULT_MAX_VENDOR_BODY_BYTES);

        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).startsWith("{\"status\":\"error\",\"errors\":[{\"code\":413,");
        assertThat(node.purgesAfter(0)).isEmpty();
    }

    @Test
    void aBodyWithinTheLimitIsAccepted() {
        HttpResponse<String> fits = fiveCents((int) ApiServerConfig.DEFAULT_MAX_VENDOR_BODY_BYTES - 100);

        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
    }
}
