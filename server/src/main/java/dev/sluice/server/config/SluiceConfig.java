package dev.sluice.server.config;

import dev.sluice.persistence.PostgresStore;
import java.net.URI;
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
     * @param maxVendorBodyBytes vendor purge bodies (CDN Pro, QUANTIL, 5centsCDN) larger than this are
     *     refused with 413: they are parsed whole into memory
     * @param allowInternalDestinations whether Quant proxies and CDN Pro webhooks may point at
     *     loopback, link-local or private addresses (off: a tenant could otherwise reach internal
     *     services through the node)
     */
    public record Api(Listen listen, long maxBodyBytes, long maxVendorBodyBytes, boolean allowInternalDestinations) {}

    /**
     * Where content, revisions, the purge log, tasks and webhooks live.
     *
     * @param kind {@code embedded} (SQLite + files in {@code path}) or {@code postgres}
     * @param path the embedded store's data directory
     * @param postgres the PostgreSQL connection (shared by every control node), for {@code kind:
     *     postgres}
     * @param log how much purge log history is kept
     */
    public record Store(String kind, Path path, PostgresStore.@Nullable Settings postgres, Log log) {

        /** Whether the store is PostgreSQL. */
        public boolean isPostgres() {
            return postgres != null;
        }
    }

    /**
     * Purge log retention: commands older than {@code retention} are pruned, but never the newest
     * {@code keepLast}.
     */
    public record Log(Duration retention, long keepLast) {}

    /** The memory cache budget in bytes. */
    public record Cache(long memoryBytes) {}

    /** A customer account, its sites, and the vendor API credentials that reach them. */
    public record Tenant(String name, List<Site> sites, Credentials credentials, Quotas quotas, List<Hook> webhooks) {}

    /**
     * A receiver told about every finished purge task of the tenant, in any dialect, signed with
     * HMAC-SHA256 of the secret.
     */
    public record Hook(URI url, String secret) {}

    /**
     * A site (a Quant project, a 5centsCDN zone, a CDN Pro property, a QUANTIL domain set).
     *
     * @param hosts Host names the edge serves the production environment for (lower-case)
     * @param stagingHosts Host names of the staging environment: same origin, its own cache
     * @param quantToken the Quant-Token, or a {@code sha256:<hex>} hash of it; null if Quant is off
     * @param rateLimit the management API rate limit for the site, or null for none
     * @param origin the upstream server of a pull zone, or null when the content store is the origin
     * @param cache how the edge caches the site's responses
     * @param zone the 5centsCDN zone id, or null
     */
    public record Site(
            String name,
            List<String> hosts,
            List<String> stagingHosts,
            @Nullable String quantToken,
            @Nullable RateLimit rateLimit,
            @Nullable Origin origin,
            CachePolicy cache,
            @Nullable Long zone) {}

    /**
     * An upstream origin.
     *
     * @param url scheme, host, port and optional base path
     * @param hostHeader the Host sent to the origin; null sends the origin URL's host
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for response bytes
     * @param maxConnections connections open to this origin at most
     */
    public record Origin(
            URI url, @Nullable String hostHeader, Duration connectTimeout, Duration readTimeout, int maxConnections) {}

    /**
     * How the edge caches a site.
     *
     * @param defaultTtl freshness of responses that carry none (0: not cached)
     * @param keepQuery whether the query string is part of the cache key
     * @param cachePrivate cache responses marked {@code private} anyway
     * @param cacheSetCookie cache responses that set cookies anyway
     * @param cacheAuthorized cache responses to requests with {@code Authorization} anyway
     */
    public record CachePolicy(
            Duration defaultTtl,
            boolean keepQuery,
            boolean cachePrivate,
            boolean cacheSetCookie,
            boolean cacheAuthorized) {}

    /** A user name and its API key (the HMAC secret of QUANTIL and CDN Pro signatures). */
    public record UserKey(String user, String key) {}

    /** Vendor API credentials of a tenant. 5centsCDN keys may be given as {@code sha256:<hex>}. */
    public record Credentials(List<UserKey> quantil, List<UserKey> cdnpro, List<String> fivecents) {}

    /**
     * Purge quotas of a tenant.
     *
     * @param quantilFileUrlsPerDay QUANTIL file URLs per day (vendor default 5,000)
     * @param quantilDirUrlsPerDay QUANTIL directory URLs per day (vendor default 500)
     * @param cdnproFileUrlsPerDay CDN Pro file URLs per rolling 24 h, per environment (default 5,000)
     * @param cdnproDirUrlsPerDay CDN Pro directory and regex entries per rolling 24 h, per environment (20)
     */
    public record Quotas(
            long quantilFileUrlsPerDay,
            long quantilDirUrlsPerDay,
            long cdnproFileUrlsPerDay,
            long cdnproDirUrlsPerDay) {}

    /** At most {@code requests} per {@code per}. */
    public record RateLimit(long requests, Duration per) {}
}
