package dev.sluice.dialect.quant;

import dev.sluice.content.ContentPaths;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireRequest;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One routed Quant request: the wire request and the values of the route's path parameters, with the
 * header readings every route shares.
 *
 * @param request the request
 * @param params path parameters by name (e.g. {@code selector} of {@code /revisions/{selector}})
 */
record QuantCall(WireRequest request, Map<String, String> params) {

    QuantCall {
        params = Map.copyOf(params);
    }

    @Nullable
    String header(String name) {
        return request.header(name);
    }

    /** The path parameter; the router guarantees it. */
    String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("route parameter %s: missing".formatted(name));
        }
        return value;
    }

    /**
     * The {@code Quant-Url} header, checked: required, and an empty value is the root (quant-cli 1.12
     * sends "" for {@code /index.html}).
     */
    String quantUrl() {
        String raw = header("Quant-Url");
        if (raw == null) {
            throw SluiceException.badRequest("Quant-Url: missing (expected: the path of the content)");
        }
        String url = raw.trim();
        return url.isEmpty() ? "/" : ContentPaths.validated(url);
    }

    /** Whether the request asks not to purge the edge after the change ({@code Quant-Skip-Purge}). */
    boolean skipPurge() {
        return isTrue(header("Quant-Skip-Purge"));
    }

    /** {@code true} or {@code 1}, in any case and with spaces around, as Quant headers spell "yes". */
    static boolean isTrue(@Nullable String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1");
    }

    /** The method and path as the client sent them below {@code /v1}, for messages and logs. */
    String describe() {
        return request.method() + " /v1" + request.path();
    }
}
