package dev.sluice.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Immutable HTTP header fields, looked up by name in any case, each name with its values in order. */
public final class WireHeaders {

    private static final WireHeaders EMPTY = new WireHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> fields;

    // Callers pass a case-insensitive TreeMap; the type says Map for Error Prone's NonApiType.
    private WireHeaders(Map<String, List<String>> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    public static WireHeaders empty() {
        return EMPTY;
    }

    /** Headers from name/value pairs: {@code of("Content-Type", "application/json", ...)}. */
    public static WireHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "namesAndValues: %d strings (expected: pairs)".formatted(namesAndValues.length));
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the header, or null when absent. */
    public @Nullable String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of the header, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> values = fields.get(name);
        return values == null ? List.of() : values;
    }

    /** The header names, as first added, in case-insensitive order. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** A copy with one more value of the header. */
    public WireHeaders with(String name, String value) {
        Builder builder = builder();
        fields.forEach((n, values) -> values.forEach(v -> builder.add(n, v)));
        return builder.add(name, value).build();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** Collects header values; not thread-safe. */
    public static final class Builder {

        private final TreeMap<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {}

        public Builder add(String name, String value) {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public WireHeaders build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return new WireHeaders(copy);
        }
    }
}
