package dev.sluice.api;

import dev.sluice.dialect.WireHandler;

/**
 * A vendor dialect mounted at a fixed path prefix from the root, e.g. {@code /cdn} (CDN Pro), {@code
 * /api/purge} (QUANTIL), {@code /v2/zones} (5centsCDN). The handler sees the path after the prefix.
 *
 * @param prefix the prefix, starting with {@code /}, without trailing slash
 * @param name the name request metrics carry
 * @param handler the dialect, already decorated
 */
public record VendorMount(String prefix, String name, WireHandler handler) {

    public VendorMount {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix: %s (expected: /path without trailing slash)".formatted(prefix));
        }
    }
}
