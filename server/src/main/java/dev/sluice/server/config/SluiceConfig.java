package dev.sluice.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The whole configuration of one Sluice node. Defaults are a working single node: edge on
 * 127.0.0.1:8080, management API on 127.0.0.1:8081, embedded store in ./data, 512 MiB of cache.
 */
public record SluiceConfig(Edge edge, Api api, Store store, Cache cache, List<Tenant> tenants) {

    /** A listen address. Port 0 asks the OS for a free port. */
    public record Listen(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * The data plane.
     *
     * @param maxObjectBytes responses larger than this are streamed and not cached
     * @param notFoundTtl how long a 404 reply is cached
     */
    public record Edge(Listen listen, long maxObjectBytes, Duration notFoundTtl) {}

    /**
     * The management API.
     *
     * @param maxBodyBytes request bodies larger than this are refused with 413
     */
    public record Api(Listen listen, long maxBodyBytes) {}

    /** Where content, revisions and the purge log live. Only {@code embedded} (SQLite + files) so far. */
    public record Store(String kind, Path path) {}

    /** The memory cache budget in bytes. */
    public record Cache(long memoryBytes) {}

    /** A customer account and its sites. */
    public record Tenant(String name, List<Site> sites) {}

    /**
     * A site (a Quant project).
     *
     * @param hosts Host names the edge serves this site for (lower-case)
     * @param quantToken the Quant-Token, or a {@code sha256:<hex>} hash of it; null if Quant is off
     * @param rateLimit the management API rate limit for the site, or null for none
     */
    public record Site(
            String name,
            List<String> hosts,
            @Nullable String quantToken,
            @Nullable RateLimit rateLimit) {}

    /** At most {@code requests} per {@code per}. */
    public record RateLimit(long requests, Duration per) {}
}
