package dev.sluice.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the {@link FakeOrigin} received it.
 *
 * @param method the method
 * @param path the path (no query)
 * @param query the raw query, or null
 * @param headers header lines in order, names as sent
 */
public record RecordedRequest(
        String method, String path, @Nullable String query, List<Map.Entry<String, String>> headers) {

    public RecordedRequest {
        headers = List.copyOf(headers);
    }

    /** The first value of the header (case-insensitive name), or null. */
    public @Nullable String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** Whether the header is present (case-insensitive name). */
    public boolean has(String name) {
        return header(name) != null;
    }

    /** The header names, lower case. */
    public List<String> headerNames() {
        return headers.stream().map(h -> h.getKey().toLowerCase(Locale.ROOT)).toList();
    }
}
