package dev.sluice.control;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A site as the configuration declares it.
 *
 * @param id the tenant and site name (Quant customer and project)
 * @param hosts the host names the edge serves for it, lower-case
 * @param quant the Quant API credential, or null when the site takes no Quant API calls
 * @param rateLimit the management API rate limit, or null for none
 * @param stagingHosts the host names of its staging environment ({@link SiteId#staging()}), lower-case
 * @param zone the 5centsCDN zone id, or null
 * @param pullZone whether an upstream origin serves it: purge targets are then the raw path and query
 *     (the query only when {@code keepQuery}); otherwise they are canonical content paths
 * @param keepQuery whether the query string is part of the cache key (pull zones)
 */
public record Site(
        SiteId id,
        List<String> hosts,
        @Nullable QuantCredential quant,
        @Nullable RateLimit rateLimit,
        List<String> stagingHosts,
        @Nullable Long zone,
        boolean pullZone,
        boolean keepQuery) {

    public Site {
        requireNonNull(id, "id");
        hosts = hosts.stream().map(Site::normalisedHost).toList();
        stagingHosts = stagingHosts.stream().map(Site::normalisedHost).toList();
    }

    /** A content site without staging hosts or zone. */
    public Site(SiteId id, List<String> hosts, @Nullable QuantCredential quant, @Nullable RateLimit rateLimit) {
        this(id, hosts, quant, rateLimit, List.of(), null, false, false);
    }

    /** A builder for the configuration loader. */
    public static Builder builder(SiteId id) {
        return new Builder(id);
    }

    private static String normalisedHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.chars().anyMatch(c -> c <= ' ' || c == '/' || c == 0x7f)) {
            throw SluiceException.badRequest("host: \"%s\" (expected: a host name)".formatted(host));
        }
        return h;
    }

    /** Fills a {@link Site} one setting at a time. */
    public static final class Builder {

        private final SiteId id;
        private final List<String> hosts = new ArrayList<>();
        private final List<String> stagingHosts = new ArrayList<>();
        private @Nullable QuantCredential quant;
        private @Nullable RateLimit rateLimit;
        private @Nullable Long zone;
        private boolean pullZone;
        private boolean keepQuery;

        private Builder(SiteId id) {
            this.id = requireNonNull(id, "id");
        }

        public Builder host(String host) {
            hosts.add(host);
            return this;
        }

        public Builder stagingHost(String host) {
            stagingHosts.add(host);
            return this;
        }

        /** The Quant token, plain or as {@code sha256:<hex>}. */
        public Builder quantToken(String configured) {
            this.quant = QuantCredential.parse(configured);
            return this;
        }

        public Builder quant(@Nullable QuantCredential credential) {
            this.quant = credential;
            return this;
        }

        public Builder rateLimit(@Nullable RateLimit limit) {
            this.rateLimit = limit;
            return this;
        }

        public Builder zone(@Nullable Long zoneId) {
            this.zone = zoneId;
            return this;
        }

        /** Marks the site a pull zone; {@code query} says whether its cache keys keep the query. */
        public Builder pullZone(boolean query) {
            this.pullZone = true;
            this.keepQuery = query;
            return this;
        }

        public Site build() {
            return new Site(id, hosts, quant, rateLimit, stagingHosts, zone, pullZone, keepQuery);
        }
    }
}
