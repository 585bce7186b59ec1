package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Review findings on the management server: malformed input is a 400, metrics stay bounded. */
class ApiHardeningTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final WireHandler echo = request ->
            WireResponse.json(200, ("\"" + request.queryParam("page") + "\"").getBytes(StandardCharsets.UTF_8));

    @Test
    void aMalformedQueryIsABadRequestInJson() throws Exception {
        // Raw bytes: java.net.URI refuses to even build this request.
        try (ApiServer server = new ApiServer(ApiServerConfig.ephemeral(), echo, registry, () -> "").start();
                Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream()
                    .write("GET /v1/global-meta?page=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 400 ");
            assertThat(reply).contains("{\"error\":true,\"errorMsg\":\"Bad request");
        }
    }

    @Test
    void inventedMethodsShareOneMetricSeries() throws Exception {
        try (ApiServer server = new ApiServer(ApiServerConfig.ephemeral(), echo, registry, () -> "").start();
                HttpClient client = HttpClient.newHttpClient()) {
            for (String method : new String[] {"BREW", "WHEN", "FOO1", "FOO2"}) {
                client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/ping"))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        assertThat(registry.find("sluice.api.requests").counters())
                .extracting(c -> c.getId().getTag("method"))
                .containsOnly("OTHER");
        assertThat(registry.get("sluice.api.requests")
                        .tag("method", "OTHER")
                        .counter()
                        .count())
                .isEqualTo(4.0);
    }

    @Test
    void aBodyTheRouteRefusedUnreadDoesNotCostTheConnection() throws Exception {
        // The echo route never reads the body, like a refusal on wrong credentials.
        String body = "{\"url\":\"/x\",\"content\":\"" + "y".repeat(20_000) + "\"}";
        String twoRequests = "POST /v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body
                + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        try (ApiServer server = new ApiServer(ApiServerConfig.ephemeral(), echo, registry, () -> "").start();
                Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(twoRequests.getBytes(StandardCharsets.US_ASCII));
            String replies = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(replies).startsWith("HTTP/1.1 200 ").contains("{\"status\":\"ok\"}");
            assertThat(replies.split("HTTP/1.1 ", -1)).hasSize(3);
        }
    }
}
