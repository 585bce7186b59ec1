package dev.sluice.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.cache.PurgeMode;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PurgeRequest} as stored in the purge log. Format (version 1), kept stable because logs
 * outlive releases:
 *
 * <pre>{"v":1,"site":{"tenant":"t","name":"s"},"mode":"HARD",
 *  "matchers":[{"kind":"exact","value":"/a"},{"kind":"prefix","value":"/b/"},
 *              {"kind":"glob","value":"/c/**"},{"kind":"regex","value":"/d.*"},
 *              {"kind":"tag","value":"k"},{"kind":"all"}]}</pre>
 *
 * A record that does not decode is a corrupt log, reported as INTERNAL.
 */
final class PurgeRequestCodec {

    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PurgeRequestCodec() {}

    static String encode(PurgeRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.putObject("site")
                .put("tenant", request.site().tenant())
                .put("name", request.site().name());
        root.put("mode", request.mode().name());
        ArrayNode matchers = root.putArray("matchers");
        for (Matcher matcher : request.matchers()) {
            ObjectNode node = matchers.addObject();
            switch (matcher) {
                case Matcher.Exact m -> {
                    node.put("kind", "exact").put("value", m.target());
                    if (!m.requestHeaders().isEmpty()) {
                        ObjectNode headers = node.putObject("headers");
                        new TreeMap<>(m.requestHeaders()).forEach(headers::put);
                    }
                }
                case Matcher.Prefix m -> node.put("kind", "prefix").put("value", m.prefix());
                case Matcher.Glob m -> node.put("kind", "glob").put("value", m.pattern());
                case Matcher.Regex m -> node.put("kind", "regex").put("value", m.pattern());
                case Matcher.Tag m -> node.put("kind", "tag").put("value", m.tag());
                case Matcher.All m -> node.put("kind", "all");
            }
        }
        return root.toString();
    }

    static PurgeRequest decode(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            int version = root.path("v").asInt();
            if (version != VERSION) {
                throw corrupt("version %d (expected: %d)".formatted(version, VERSION), null);
            }
            JsonNode site = root.path("site");
            List<Matcher> matchers = new ArrayList<>();
            for (JsonNode node : root.path("matchers")) {
                matchers.add(matcher(node));
            }
            return new PurgeRequest(
                    new SiteId(text(site, "tenant"), text(site, "name")),
                    matchers,
                    PurgeMode.valueOf(text(root, "mode")));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw corrupt(String.valueOf(e.getMessage()), e);
        }
    }

    private static Matcher matcher(JsonNode node) {
        String kind = text(node, "kind");
        return switch (kind) {
            case "exact" -> new Matcher.Exact(text(node, "value"), headers(node));
            case "prefix" -> new Matcher.Prefix(text(node, "value"));
            case "glob" -> new Matcher.Glob(text(node, "value"));
            case "regex" -> new Matcher.Regex(text(node, "value"));
            case "tag" -> new Matcher.Tag(text(node, "value"));
            case "all" -> new Matcher.All();
            default ->
                throw corrupt(
                        "matcher kind %s (expected: exact, prefix, glob, regex, tag or all)".formatted(kind), null);
        };
    }

    // The request headers of an exact purge of selected variants; absent for every variant.
    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, JsonNode> h : node.path("headers").properties()) {
            if (!h.getValue().isTextual()) {
                throw corrupt("header %s: not text".formatted(h.getKey()), null);
            }
            headers.put(h.getKey(), h.getValue().asText());
        }
        return headers;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw corrupt("field %s missing".formatted(field), null);
        }
        return value.asText();
    }

    private static SluiceException corrupt(String detail, @Nullable Throwable cause) {
        return new SluiceException(ErrorKind.INTERNAL, "purge log: record not decoded: %s".formatted(detail), cause);
    }
}
