package dev.sluice.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A YAML mapping being read, which knows its path for error messages and refuses keys nobody read.
 * Every getter marks its key as known; {@link #finish()} then fails on the first unknown key.
 */
final class ConfigNode {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB|k|m|g)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String source;
    private final String path;
    private final JsonNode node;
    private final Set<String> known = new TreeSet<>();

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        if (!node.isObject() && !node.isMissingNode() && !node.isNull()) {
            throw error(path, "a mapping");
        }
        this.node = node;
    }

    @Nullable
    ConfigNode child(String key) {
        JsonNode value = value(key);
        return value == null ? null : new ConfigNode(source, at(key), value);
    }

    /** An empty mapping standing for an absent section, so its defaults apply. */
    ConfigNode empty(String key) {
        known.add(key);
        return new ConfigNode(source, at(key), MissingNode.getInstance());
    }

    /** The entries of a mapping whose keys are names chosen by the user (tenants, sites). */
    Map<String, ConfigNode> children(String key) {
        JsonNode value = value(key);
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!value.isObject()) {
            throw error(at(key), "a mapping");
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            out.put(e.getKey(), new ConfigNode(source, at(key) + "." + e.getKey(), e.getValue()));
        }
        return out;
    }

    boolean has(String key) {
        return value(key) != null;
    }

    boolean isMapping(String key) {
        JsonNode value = value(key);
        return value != null && value.isObject();
    }

    /** A list of mappings, e.g. credentials. */
    List<ConfigNode> list(String key) {
        JsonNode value = value(key);
        List<ConfigNode> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw error(at(key), "a list of mappings");
        }
        int i = 0;
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw error(at(key) + "[" + i + "]", "a mapping");
            }
            out.add(new ConfigNode(source, at(key) + "[" + i++ + "]", item));
        }
        return out;
    }

    String required(String key) {
        String s = optionalString(key);
        if (s == null || s.isEmpty()) {
            throw error(at(key), "a non-empty string");
        }
        return s;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(at(key), "true or false, got " + value);
        }
        return value.asBoolean();
    }

    /** A duration that may also be {@code 0}. */
    Duration durationOrZero(String key, Duration fallback) {
        String s = optionalString(key);
        if (s == null) {
            return fallback;
        }
        return s.trim().matches("0\\s*(ms|s|m|h|d)?") ? Duration.ZERO : parseDuration(at(key), s);
    }

    String string(String key, String fallback) {
        String s = optionalString(key);
        return s == null ? fallback : s;
    }

    @Nullable
    String optionalString(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode() || value.isNull()) {
            throw error(at(key), "a string");
        }
        return value.asText();
    }

    List<String> strings(String key) {
        JsonNode value = value(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw error(at(key), "a list of strings");
        }
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                throw error(at(key), "a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    long positiveLong(String key, long fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToLong() || value.asLong() <= 0) {
            throw error(at(key), "a whole number > 0, got " + value);
        }
        return value.asLong();
    }

    /** A byte size such as {@code 512MiB}, {@code 64k} or a plain number of bytes. */
    long size(String key, long fallback) {
        String s = optionalString(key);
        if (s == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(s.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
            throw error(at(key), "a size > 0 such as 512MiB, got '" + s + "'");
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KiB", "KB", "k" -> 1L << 10;
            case "MiB", "MB", "m" -> 1L << 20;
            case "GiB", "GB", "g" -> 1L << 30;
            default -> 1L;
        };
        return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    }

    /** A duration such as {@code 1m}, {@code 30s}, {@code 500ms}. */
    Duration duration(String key, Duration fallback) {
        String s = optionalString(key);
        return s == null ? fallback : parseDuration(at(key), s);
    }

    Duration parseDuration(String where, String s) {
        Matcher m = DURATION.matcher(s.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
            throw error(where, "a duration > 0 such as 30s, 1m, 1h, got '" + s + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Fails on the first key of this mapping that no getter asked for. */
    void finish() {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigException("%s: %s: unknown key (expected one of: %s)"
                        .formatted(source, at(e.getKey()), String.join(", ", known)));
            }
        }
    }

    ConfigException error(String where, String expected) {
        return new ConfigException("%s: %s: bad value (expected: %s)".formatted(source, where, expected));
    }

    String path() {
        return path;
    }

    private @Nullable JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
