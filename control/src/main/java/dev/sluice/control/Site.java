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
 */
public record Site(
        SiteId id,
        List<String> hosts,
        @Nullable QuantCredential quant,
        @Nullable RateLimit rateLimit) {

    public Site {
        requireNonNull(id, "id");
        hosts = hosts.stream().map(Site::normalisedHost).toList();
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
        private @Nullable QuantCredential quant;
        private @Nullable RateLimit rateLimit;

        private Builder(SiteId id) {
            this.id = requireNonNull(id, "id");
        }

        public Builder host(String host) {
            hosts.add(host);
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

        public Site build() {
            return new Site(id, hosts, quant, rateLimit);
        }
    }
}
