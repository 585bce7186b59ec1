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

    /** The suffix that names a site's staging environment: its own hosts and its own cache. */
    public static final String STAGING_SUFFIX = "#staging";

    /** The staging environment of this site: same tenant and origin, a separate cache. */
    public SiteId staging() {
        return isStaging() ? this : new SiteId(tenant, name + STAGING_SUFFIX);
    }

    /** The production environment of this site (itself when it is not staging). */
    public SiteId production() {
        return isStaging() ? new SiteId(tenant, name.substring(0, name.length() - STAGING_SUFFIX.length())) : this;
    }

    /** Whether this id names a staging environment. */
    public boolean isStaging() {
        return name.endsWith(STAGING_SUFFIX);
    }

    @Override
    public String toString() {
        return tenant + "/" + name;
    }
}
