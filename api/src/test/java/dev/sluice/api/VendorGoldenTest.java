package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.control.DateSignature;
import dev.sluice.core.SiteId;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the vendor golden files ({@code golden/cdnpro}, {@code golden/quantil}, {@code
 * golden/fivecents}) against a fresh {@link VendorApiNode} over real HTTP. A file is {@code
 * {"steps":[..]}}; a step, in order: {@code advance} (ISO duration the clock moves first), {@code
 * fill} ({@code {"tenant/site":[keys]}} cached fresh first), the {@code request} ({@code method},
 * {@code path}, {@code auth}: {@code <user>} signs the CDN Pro/QUANTIL way with key {@code
 * <user>-key}, {@code <user>:<key>} with another key, {@code 5c:<key>} sends {@code X-API-Key},
 * {@code none}; {@code date} an ISO offset of the signed date from the clock; {@code dateHeader}
 * {@code Date} or {@code x-cnc-date}; {@code headers}; {@code json} or {@code body}), {@code repeat}
 * (times sent, each checked), then what must hold: {@code status}, {@code headers} (exact values),
 * {@code reply} (JSON, equal), {@code replyIncludes} (JSON subset), {@code replyText} (exact text),
 * {@code replyContains} (substrings), {@code purges} (the purge commands logged, "site MODE
 * [matchers]"; none when absent) and {@code cache} ({@code {"tenant/site":{key:gone|stale|fresh}}}).
 * {@code capture} keeps the Location's last segment as {@code ${name}} for later steps. A refused
 * request (not 2xx) must log no purge and record no task, whatever the file says.
 */
class VendorGoldenTest {

    @TempDir
    Path dataDir;

    static Stream<GoldenCase> cases() throws IOException, URISyntaxException {
        List<GoldenCase> cases = new ArrayList<>();
        for (String dialect : List.of("cdnpro", "quantil", "fivecents")) {
            Path dir = Path.of(
                    VendorGoldenTest.class.getResource("/golden/" + dialect).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    GoldenCase c = GoldenCase.load(f);
                    cases.add(new GoldenCase(dialect + "/" + c.name(), c.steps()));
                }
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replyPurgesAndCacheAreExactlyAsWritten(GoldenCase golden) throws IOException {
        try (VendorApiNode node = new VendorApiNode(dataDir)) {
            Map<String, String> captured = new HashMap<>();
            int index = 0;
            for (JsonNode raw : golden.steps()) {
                JsonNode step = substituted(raw, captured);
                String where = "%s step %d: %s".formatted(golden.name(), index, step.get("request"));
                prepare(node, step);
                int times = step.path("repeat").asInt(1);
                for (int i = 0; i < times; i++) {
                    long seq = node.store.purgeLog().lastSeq();
                    int tasks = taskCount(node);
                    HttpResponse<String> response = node.send(request(node, step.get("request")));
                    assertThat(mismatch(node, step, response, node.purgesAfter(seq)))
                            .as("%s (send %d)", where, i + 1)
                            .isNull();
                    if (response.statusCode() / 100 != 2) {
                        assertThat(node.purgesAfter(seq))
                                .as("refused, so nothing purged: " + where)
                                .isEmpty();
                        assertThat(taskCount(node))
                                .as("refused, so no task: " + where)
                                .isEqualTo(tasks);
                    }
                    String capture = step.path("capture").asText("");
                    if (!capture.isEmpty()) {
                        String location =
                                response.headers().firstValue("Location").orElse("");
                        captured.put(capture, location.substring(location.lastIndexOf('/') + 1));
                    }
                }
                index++;
            }
        }
    }

    private static JsonNode substituted(JsonNode step, Map<String, String> captured) throws IOException {
        String text = GoldenCase.JSON.writeValueAsString(step);
        for (Map.Entry<String, String> e : captured.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        return GoldenCase.JSON.readTree(text);
    }

    private static void prepare(VendorApiNode node, JsonNode step) {
        if (step.has("advance")) {
            node.clock.advance(Duration.parse(step.get("advance").asText()));
        }
        for (Map.Entry<String, JsonNode> site : step.path("fill").properties()) {
            site.getValue().forEach(key -> node.fill(VendorApiNode.site(site.getKey()), key.asText()));
        }
    }

    private static int taskCount(VendorApiNode node) {
        int n = 0;
        for (String tenant : List.of("acme", "globex", "tiny")) {
            for (String dialect : List.of("cdnpro", "quantil", "fivecents", "quant")) {
                n += node.store
                        .purgeTasks()
                        .list(tenant, dialect, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"))
                        .size();
            }
        }
        return n;
    }

    static HttpRequest request(VendorApiNode node, JsonNode r) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.uri(r.get("path").asText()));
        String auth = r.path("auth").asText("none");
        Instant signedAt =
                node.clock.instant().plus(Duration.parse(r.path("date").asText("PT0S")));
        String date = DateSignature.httpDate(signedAt);
        if (auth.startsWith("5c:")) {
            b.header("X-API-Key", auth.substring(3));
        } else if (!auth.equals("none")) {
            int colon = auth.indexOf(':');
            String user = colon < 0 ? auth : auth.substring(0, colon);
            String key = colon < 0 ? auth + "-key" : auth.substring(colon + 1);
            b.header(r.path("dateHeader").asText("Date"), date);
            b.header("Authorization", DateSignature.authorization(user, key, date));
        }
        for (Map.Entry<String, JsonNode> h : r.path("headers").properties()) {
            b.setHeader(h.getKey(), h.getValue().asText());
        }
        String body = r.has("json")
                ? GoldenCase.JSON.writeValueAsString(r.get("json"))
                : r.path("body").asText("");
        return b.method(r.get("method").asText(), HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static @Nullable String mismatch(
            VendorApiNode node, JsonNode step, HttpResponse<String> response, List<String> purges) throws IOException {
        int status = step.get("status").asInt();
        String body = response.body();
        if (response.statusCode() != status) {
            return "status %d (expected: %d), body %s".formatted(response.statusCode(), status, body);
        }
        for (Map.Entry<String, JsonNode> h : step.path("headers").properties()) {
            String actual = response.headers().firstValue(h.getKey()).orElse(null);
            if (!h.getValue().asText().equals(actual)) {
                return "header %s: %s (expected: %s)"
                        .formatted(h.getKey(), actual, h.getValue().asText());
            }
        }
        if (step.has("reply") && !step.get("reply").equals(GoldenCase.JSON.readTree(body))) {
            return "reply %s (expected: %s)".formatted(body, step.get("reply"));
        }
        if (step.has("replyIncludes")
                && !GoldenCase.includes(step.get("replyIncludes"), GoldenCase.JSON.readTree(body))) {
            return "reply %s (expected to include: %s)".formatted(body, step.get("replyIncludes"));
        }
        if (step.has("replyText") && !step.get("replyText").asText().equals(body)) {
            return "reply %s (expected: %s)"
                    .formatted(body, step.get("replyText").asText());
        }
        for (JsonNode part : step.path("replyContains")) {
            if (!body.contains(part.asText())) {
                return "reply %s (expected to contain: %s)".formatted(body, part.asText());
            }
        }
        List<String> expected = new ArrayList<>();
        step.path("purges").forEach(p -> expected.add(p.asText()));
        if (!expected.equals(purges)) {
            return "purges %s (expected: %s)".formatted(purges, expected);
        }
        ObjectNode states = GoldenCase.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> site : step.path("cache").properties()) {
            SiteId id = VendorApiNode.site(site.getKey());
            ObjectNode keys = states.putObject(site.getKey());
            site.getValue().properties().forEach(k -> keys.put(k.getKey(), node.state(id, k.getKey())));
        }
        if (step.has("cache") && !states.equals(step.get("cache"))) {
            return "cache %s (expected: %s)".formatted(states, step.get("cache"));
        }
        return null;
    }
}
