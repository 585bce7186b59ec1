package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server itself, with a probe dialect that reports where and how it was called. */
class ApiServerTest {

    private static HttpResponse<String> get(ApiServer server, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ApiServer start(WireHandler dialect) {
        return new ApiServer(ApiServerConfig.ephemeral(), dialect, new SimpleMeterRegistry(), () -> "").start();
    }

    @Test
    void handlersRunOnVirtualThreadsAndSeeThePathBelowTheMount() throws Exception {
        WireHandler probe = request -> WireResponse.json(
                200,
                "\"%s %s %s\""
                        .formatted(Thread.currentThread().isVirtual(), request.path(), request.queryParam("a"))
                        .getBytes(StandardCharsets.UTF_8));
        try (ApiServer server = start(probe)) {
            assertThat(server.port()).isPositive();
            assertThat(get(server, "/v1/revisions/published?a=b%20c").body())
                    .isEqualTo("\"true /revisions/published b c\"");
            assertThat(get(server, "/any/base/v1").body()).isEqualTo("\"true  null\"");
            assertThat(get(server, "/v10/ping").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aDialectThatThrowsIsABare500() throws Exception {
        try (ApiServer server = start(request -> {
            throw new IllegalStateException("bug");
        })) {
            HttpResponse<String> reply = get(server, "/v1/ping");
            assertThat(reply.statusCode()).isEqualTo(500);
            assertThat(reply.body())
                    .isEqualTo("{\"error\":true,\"errorMsg\":\"Internal error\",\"message\":\"Internal error\"}");
        }
    }

    @Test
    void mountsMatchWholeSegmentsOnly() {
        assertThat(ApiRouter.below("/v1", "v1")).isEmpty();
        assertThat(ApiRouter.below("/v1/ping", "v1")).isEqualTo("/ping");
        assertThat(ApiRouter.below("/x/v1x/v1/purge", "v1")).isEqualTo("/purge");
        assertThat(ApiRouter.below("/v10", "v1")).isNull();
        assertThat(ApiRouter.below("/api/quant", "v1")).isNull();
    }

    @Test
    void errorTextIsEscapedJson() {
        assertThat(ApiReplies.quoted("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> new ApiServerConfig("127.0.0.1", 70000, 1))
                .hasMessage("api port: 70000 (expected: 0-65535)");
        assertThatThrownBy(() -> ApiServerConfig.ephemeral().withMaxBodyBytes(0))
                .hasMessage("api max body: 0 (expected: > 0)");
        assertThat(ApiServerConfig.defaults().maxBodyBytes()).isEqualTo(256L * 1024 * 1024);
    }
}
