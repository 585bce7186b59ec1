package dev.sluice.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One golden file: a sequence of Quant requests, each with the exact status, reply and purges
 * expected. Format (JSON): {@code {"steps":[{"request":{"method","path","auth","headers","json" |
 * "body"},"status","reply" | "replyIncludes","purges":[..]}]}}. {@code auth} names the site whose
 * credentials are sent ({@code blog} by default, {@code none} for none); {@code reply} must equal the
 * reply, {@code replyIncludes} must be a subset of it (objects by key, arrays element by element,
 * same length); {@code purges}
 * are the purge commands the step logged, as "MODE [matchers]" (none when absent).
 */
record GoldenCase(String name, List<JsonNode> steps) {

    static final ObjectMapper JSON = new ObjectMapper();

    static GoldenCase load(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<JsonNode> steps = new ArrayList<>();
        root.get("steps").forEach(steps::add);
        return new GoldenCase(file.getFileName().toString(), steps);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The HTTP request a step describes. */
    static HttpRequest request(QuantNode node, JsonNode step) throws IOException {
        JsonNode r = step.get("request");
        String auth = r.path("auth").asText("blog");
        HttpRequest.Builder builder = switch (auth) {
            case "none" ->
                HttpRequest.newBuilder(node.uri(r.get("path").asText())).header("Content-Type", "application/json");
            case "shop" -> node.quant(r.get("path").asText(), QuantNode.SHOP, "shop-token");
            case "limited" -> node.quant(r.get("path").asText(), QuantNode.LIMITED, "limited-token");
            default -> node.blog(r.get("path").asText());
        };
        for (Map.Entry<String, JsonNode> h : r.path("headers").properties()) {
            builder.setHeader(h.getKey(), h.getValue().asText());
        }
        String body = r.has("json")
                ? JSON.writeValueAsString(r.get("json"))
                : r.path("body").asText("");
        return builder.method(r.get("method").asText(), HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Why the reply does not match the step, or null when it does. */
    static @Nullable String mismatch(JsonNode step, HttpResponse<String> response, List<String> purges)
            throws IOException {
        int status = step.get("status").asInt();
        if (response.statusCode() != status) {
            return "status %d (expected: %d), body %s".formatted(response.statusCode(), status, response.body());
        }
        JsonNode actual = JSON.readTree(response.body());
        if (step.has("reply") && !step.get("reply").equals(actual)) {
            return "reply %s (expected: %s)".formatted(actual, step.get("reply"));
        }
        if (step.has("replyIncludes") && !includes(step.get("replyIncludes"), actual)) {
            return "reply %s (expected to include: %s)".formatted(actual, step.get("replyIncludes"));
        }
        List<String> expected = new ArrayList<>();
        step.path("purges").forEach(p -> expected.add(p.asText()));
        if (!expected.equals(purges)) {
            return "purges %s (expected: %s)".formatted(purges, expected);
        }
        return null;
    }

    static boolean includes(JsonNode expected, JsonNode actual) {
        if (expected instanceof ObjectNode object) {
            if (!(actual instanceof ObjectNode)) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                JsonNode value = actual.get(e.getKey());
                if (value == null || !includes(e.getValue(), value)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!includes(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}
