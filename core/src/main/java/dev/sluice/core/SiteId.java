package dev.sluice.core;

import static java.util.Objects.requireNonNull;

/**
 * A site of a tenant: a Quant project, a 5centsCDN zone, a CDN Pro property or a QUANTIL domain set.
 *
 * @param tenant the tenant (Quant customer) name
 * @param name the site (Quant project) name, unique within the tenant
 */
public record SiteId(String tenant, String name) {

    public SiteId {
        requireNonNull(tenant, "tenant");
        requireNonNull(name, "name");
        if (tenant.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("site id: %s/%s (expected: non-empty)".formatted(tenant, name));
        }
    }

    @Override
    public String toString() {
        return tenant + "/" + name;
    }
}
