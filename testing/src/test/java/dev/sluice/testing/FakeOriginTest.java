package dev.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOriginTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeOrigin origin;

    @BeforeEach
    void start() throws Exception {
        origin = FakeOrigin.start();
    }

    @AfterEach
    void stop() throws Exception {
        origin.close();
        http.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(origin.uri(path))
                .header("X-Test", "yes")
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void queuedRepliesComeOnceThenTheStandingOne() throws Exception {
        origin.enqueue("/a", FakeReply.ok("first").header("X-N", "1"))
                .enqueue("/a", FakeReply.status(503).body("second"))
                .always("/a", FakeReply.ok("always"));
        HttpResponse<String> first = get("/a");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("first");
        assertThat(first.headers().firstValue("X-N")).contains("1");
        assertThat(get("/a").statusCode()).isEqualTo(503);
        assertThat(get("/a").body()).isEqualTo("always");
        assertThat(get("/a").body()).isEqualTo("always");
        assertThat(origin.hits("/a")).isEqualTo(4);
    }

    @Test
    void unscriptedPathsAre404AndCounted() throws Exception {
        assertThat(get("/nothing?x=1").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> origin.lastRequest("/other")).isInstanceOf(IllegalStateException.class);
        assertThat(origin.hits("/nothing")).isEqualTo(1);
        assertThat(origin.hits("/other")).isZero();
    }

    @Test
    void recordsRequests() throws Exception {
        origin.always("/r", FakeReply.ok("r"));
        get("/r?q=2");
        RecordedRequest r = origin.lastRequest("/r");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.query()).isEqualTo("q=2");
        assertThat(r.header("x-test")).isEqualTo("yes");
        assertThat(r.headerNames()).contains("x-test", "host");
        assertThat(origin.requests()).hasSize(1);
    }

    @Test
    void aStoppedOriginRefusesConnections() throws Exception {
        origin.always("/a", FakeReply.ok("a"));
        assertThat(get("/a").statusCode()).isEqualTo(200);
        origin.stop();
        assertThatThrownBy(() -> get("/a")).isInstanceOf(IOException.class);
    }

    @Test
    void aHangingReplyNeverAnswers() throws Exception {
        origin.always("/slow", FakeReply.hang());
        HttpRequest request = HttpRequest.newBuilder(origin.uri("/slow"))
                .timeout(Duration.ofMillis(200))
                .build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(origin.hits("/slow")).isEqualTo(1);
    }
}
