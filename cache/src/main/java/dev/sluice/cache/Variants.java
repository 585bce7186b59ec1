package dev.sluice.cache;

import dev.sluice.core.http.AcceptEncoding;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Variant ids (RFC 9111 section 4.1): the values a request has for the header fields a response's
 * {@code Vary} names, normalised so that equivalent requests share one variant. The id is one
 * {@code name=value} line per field, names lower-case and sorted; an absent field has an empty
 * value. Values are trimmed, with spaces around commas removed; {@code Accept-Encoding} is reduced
 * to {@code gzip} or {@code identity}, the only codings the edge stores.
 */
public final class Variants {

    private Variants() {}

    /** The id of the variant a request selects, given how it reads a header field (null: absent). */
    public static String id(Iterable<String> varyNames, Function<String, @Nullable String> requestValue) {
        TreeSet<String> names = new TreeSet<>();
        for (String n : varyNames) {
            names.add(n.trim().toLowerCase(Locale.ROOT));
        }
        StringBuilder id = new StringBuilder();
        for (String n : names) {
            id.append(n).append('=').append(normalise(n, requestValue.apply(n))).append('\n');
        }
        return id.toString();
    }

    /** The field values an id was made of, by lower-case name (empty values: the field was absent). */
    public static Map<String, String> values(String id) {
        Map<String, String> values = new TreeMap<>();
        for (String line : id.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /**
     * Whether a request carrying the given header values would be served the variant: every given
     * field the variant varies on must have the same normalised value; fields the variant does not
     * vary on, and fields not given, do not constrain.
     */
    public static boolean selectedBy(String id, Map<String, String> headers) {
        if (id.isEmpty()) {
            return true;
        }
        Map<String, String> mine = values(id);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().trim().toLowerCase(Locale.ROOT);
            String value = mine.get(name);
            if (value != null && !value.equals(normalise(name, h.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** The normalised form of a field's value, empty when absent. */
    public static String normalise(String lowerName, @Nullable String value) {
        if (lowerName.equals("accept-encoding")) {
            return AcceptEncoding.acceptsGzip(value) ? "gzip" : "identity";
        }
        return value == null ? "" : value.trim().replaceAll("\\s*,\\s*", ",");
    }
}
