package dev.sluice.edge;

import java.time.Duration;

/**
 * The edge's settings; {@link #defaults()} is a working single node on {@code 127.0.0.1:8080}.
 *
 * @param host the address to listen on
 * @param port the port (0: an ephemeral one, see {@link EdgeServer#port()})
 * @param maxCacheableBytes larger bodies are streamed from the origin and never cached
 * @param notFoundTtl how long a 404 stays cached
 * @param contentTtl how long a page, file or redirect of the content store stays fresh (changes purge it)
 * @param contentStaleWhileRevalidate how long past that (or after a soft purge) it is served while refreshed
 * @param contentStaleIfError how long past that it is served when the store fails
 * @param originConnectTimeout connect timeout for proxied origins
 * @param originIdleTimeout idle timeout for proxied origins' connections
 * @param originTimeout total time allowed for a proxied response (504 past it)
 * @param maxConnectionsPerOrigin bound on connections to one proxied origin
 * @param stopTimeout how long a graceful stop waits for requests in flight
 * @param allowPrivateProxyDestinations whether Quant proxies may connect to loopback, link-local,
 *     private, any-local and multicast addresses (false: refused at connect time with a 502, so a
 *     tenant cannot reach the node's own or its network's services; pull zones are not affected)
 */
public record EdgeConfig(
        String host,
        int port,
        long maxCacheableBytes,
        Duration notFoundTtl,
        Duration contentTtl,
        Duration contentStaleWhileRevalidate,
        Duration contentStaleIfError,
        Duration originConnectTimeout,
        Duration originIdleTimeout,
        Duration originTimeout,
        int maxConnectionsPerOrigin,
        Duration stopTimeout,
        boolean allowPrivateProxyDestinations) {

    public EdgeConfig {
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: '%s' (expected: an address)".formatted(host));
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: %s (expected: 0-65535)".formatted(port));
        }
        if (maxCacheableBytes <= 0 || maxCacheableBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxCacheableBytes: %s (expected: 1-2^31)".formatted(maxCacheableBytes));
        }
        if (maxConnectionsPerOrigin <= 0) {
            throw new IllegalArgumentException(
                    "maxConnectionsPerOrigin: %s (expected: > 0)".formatted(maxConnectionsPerOrigin));
        }
        positive("notFoundTtl", notFoundTtl);
        positive("contentTtl", contentTtl);
        notNegative("contentStaleWhileRevalidate", contentStaleWhileRevalidate);
        notNegative("contentStaleIfError", contentStaleIfError);
        positive("originConnectTimeout", originConnectTimeout);
        positive("originIdleTimeout", originIdleTimeout);
        positive("originTimeout", originTimeout);
        notNegative("stopTimeout", stopTimeout);
    }

    /**
     * A single node's defaults: 127.0.0.1:8080, 16 MiB objects, 404s cached 60 s, private proxy
     * destinations refused.
     */
    public static EdgeConfig defaults() {
        return new EdgeConfig(
                "127.0.0.1",
                8080,
                16L << 20,
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofDays(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                64,
                Duration.ofSeconds(10),
                false);
    }

    /** The same settings on another address. */
    public EdgeConfig withListen(String newHost, int newPort) {
        return toBuilder().listen(newHost, newPort).build();
    }

    /** The same settings with another size limit for cached objects. */
    public EdgeConfig withMaxCacheableBytes(long bytes) {
        return toBuilder().maxCacheableBytes(bytes).build();
    }

    /** The same settings with another total timeout for proxied responses. */
    public EdgeConfig withOriginTimeout(Duration timeout) {
        return toBuilder().originTimeout(timeout).build();
    }

    /** The same settings, allowing or refusing private proxy destinations. */
    public EdgeConfig withAllowPrivateProxyDestinations(boolean allow) {
        return toBuilder().allowPrivateProxyDestinations(allow).build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a validated configuration; {@link #build()} validates again. */
    public static final class Builder {

        private String host;
        private int port;
        private long maxCacheableBytes;
        private Duration notFoundTtl;
        private final Duration contentTtl;
        private final Duration contentStaleWhileRevalidate;
        private final Duration contentStaleIfError;
        private final Duration originConnectTimeout;
        private final Duration originIdleTimeout;
        private Duration originTimeout;
        private final int maxConnectionsPerOrigin;
        private final Duration stopTimeout;
        private boolean allowPrivateProxyDestinations;

        private Builder(EdgeConfig c) {
            host = c.host;
            port = c.port;
            maxCacheableBytes = c.maxCacheableBytes;
            notFoundTtl = c.notFoundTtl;
            contentTtl = c.contentTtl;
            contentStaleWhileRevalidate = c.contentStaleWhileRevalidate;
            contentStaleIfError = c.contentStaleIfError;
            originConnectTimeout = c.originConnectTimeout;
            originIdleTimeout = c.originIdleTimeout;
            originTimeout = c.originTimeout;
            maxConnectionsPerOrigin = c.maxConnectionsPerOrigin;
            stopTimeout = c.stopTimeout;
            allowPrivateProxyDestinations = c.allowPrivateProxyDestinations;
        }

        public Builder listen(String newHost, int newPort) {
            host = newHost;
            port = newPort;
            return this;
        }

        public Builder maxCacheableBytes(long bytes) {
            maxCacheableBytes = bytes;
            return this;
        }

        public Builder notFoundTtl(Duration ttl) {
            notFoundTtl = ttl;
            return this;
        }

        public Builder originTimeout(Duration timeout) {
            originTimeout = timeout;
            return this;
        }

        public Builder allowPrivateProxyDestinations(boolean allow) {
            allowPrivateProxyDestinations = allow;
            return this;
        }

        public EdgeConfig build() {
            return new EdgeConfig(
                    host,
                    port,
                    maxCacheableBytes,
                    notFoundTtl,
                    contentTtl,
                    contentStaleWhileRevalidate,
                    contentStaleIfError,
                    originConnectTimeout,
                    originIdleTimeout,
                    originTimeout,
                    maxConnectionsPerOrigin,
                    stopTimeout,
                    allowPrivateProxyDestinations);
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("%s: %s (expected: > 0)".formatted(name, d));
        }
    }

    private static void notNegative(String name, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("%s: %s (expected: >= 0)".formatted(name, d));
        }
    }
}
