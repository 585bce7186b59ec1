package dev.sluice.dialect.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.SluiceException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads fields of a Quant request body the way PHP and JavaScript clients write them: a boolean may
 * come as {@code 1} or {@code "true"}, a number as {@code "301"}. A missing required field or a value
 * of the wrong kind is BAD_REQUEST naming the field.
 */
final class JsonFields {

    private JsonFields() {}

    /** A required string field. */
    static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw SluiceException.badRequest("%s: missing (expected: a string)".formatted(field));
        }
        if (!node.isTextual()) {
            throw SluiceException.badRequest("%s: %s (expected: a string)".formatted(field, kind(node)));
        }
        return node.textValue();
    }

    /** An optional string field; numbers are taken as their text. */
    static @Nullable String optionalText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw SluiceException.badRequest("%s: %s (expected: a string)".formatted(field, kind(node)));
        }
        return node.asText();
    }

    /** A boolean field, or the default when absent. */
    static boolean flag(ObjectNode body, String field, boolean absent) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw SluiceException.badRequest("%s: %s (expected: true or false)".formatted(field, node));
        };
    }

    /** A whole-number field, or null when absent. */
    static @Nullable Long optionalLong(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the refusal
            }
        }
        throw SluiceException.badRequest("%s: %s (expected: a whole number)".formatted(field, node));
    }

    /**
     * An object of strings (e.g. {@code headers}, {@code info}), empty when absent. Values that are
     * numbers or booleans are taken as their text; header names are lower-cased with {@code _} read
     * as {@code -} (Drupal sends {@code content_type}).
     */
    static Map<String, String> strings(ObjectNode body, String field, boolean headerNames) {
        JsonNode node = body.get(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            return values; // PHP encodes an empty map as []
        }
        if (!node.isObject()) {
            throw SluiceException.badRequest("%s: %s (expected: an object of strings)".formatted(field, kind(node)));
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull() || !value.isValueNode()) {
                continue; // nested objects (search_record, ...) are not stored
            }
            String name = headerNames ? e.getKey().toLowerCase(Locale.ROOT).replace('_', '-') : e.getKey();
            values.put(name, value.asText());
        }
        return values;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
