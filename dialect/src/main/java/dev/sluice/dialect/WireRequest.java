package dev.sluice.dialect;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A management API request as a dialect sees it.
 *
 * @param method the HTTP method, upper-case
 * @param path the path below the dialect's mount (for Quant: what follows {@code /v1}, "" for the
 *     root), percent-decoded
 * @param query the query parameters, decoded, each with its values in order
 * @param headers the request headers
 * @param body the request body, bounded by the server's limit: reading past it throws a {@link
 *     dev.sluice.core.SluiceException} of kind PAYLOAD_TOO_LARGE (see {@link BoundedInputStream})
 */
public record WireRequest(
        String method, String path, Map<String, List<String>> query, WireHeaders headers, InputStream body) {

    public WireRequest {
        query = Map.copyOf(query);
    }

    /** The first value of the header, or null. */
    public @Nullable String header(String name) {
        return headers.first(name);
    }

    /** The first value of the query parameter, or null. */
    public @Nullable String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
