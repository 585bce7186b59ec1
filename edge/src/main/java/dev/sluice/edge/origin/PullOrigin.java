package dev.sluice.edge.origin;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The upstream server of a pull zone.
 *
 * @param url scheme, host, port and optional base path (the request path is appended to it)
 * @param hostHeader the Host sent upstream; null sends the URL's host
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for each read of response bytes (504, or stale-if-error, past it)
 * @param maxConnections connections open to this origin at most (requests beyond wait in a queue)
 */
public record PullOrigin(
        URI url, @Nullable String hostHeader, Duration connectTimeout, Duration readTimeout, int maxConnections) {

    public PullOrigin {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url: %s (expected: an absolute http(s) URL)".formatted(url));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("url: %s (expected: no query or fragment)".formatted(url));
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout: %s (expected: > 0)".formatted(connectTimeout));
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout: %s (expected: > 0)".formatted(readTimeout));
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections: %s (expected: > 0)".formatted(maxConnections));
        }
    }

    /** An origin at the URL with 5 s connect, 30 s read timeouts and 64 connections. */
    public static PullOrigin of(URI url) {
        return new PullOrigin(url, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 64);
    }

    /** The absolute URI to fetch for a request's raw path and raw query (null: none). */
    public URI resolve(String rawPath, @Nullable String rawQuery) {
        String base = url.getRawPath() == null ? "" : url.getRawPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        return URI.create(origin + base + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    }
}
