package dev.sluice.control;

import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every tenant and site of the server, looked up by id or host. Immutable: built once from the
 * configuration and replaced whole when it changes, so readers need no locks.
 */
public final class SiteDirectory {

    private final List<Tenant> tenants;
    private final Map<SiteId, Site> byId = new HashMap<>();
    private final Map<String, Site> byHost = new HashMap<>();
    private final Map<String, Site> byStagingHost = new HashMap<>();
    private final Map<Long, Site> byZone = new HashMap<>();

    private SiteDirectory(List<Tenant> tenants) {
        this.tenants = List.copyOf(tenants);
        Map<String, Tenant> names = new HashMap<>();
        for (Tenant tenant : this.tenants) {
            if (names.put(tenant.name(), tenant) != null) {
                throw SluiceException.badRequest(
                        "tenant %s: declared twice (expected: unique)".formatted(tenant.name()));
            }
            tenant.sites().forEach(this::index);
        }
    }

    /** The directory of the given tenants; a host may belong to one site only. */
    public static SiteDirectory of(List<Tenant> tenants) {
        return new SiteDirectory(tenants);
    }

    /** The directory of the given tenants. */
    public static SiteDirectory of(Tenant... tenants) {
        return new SiteDirectory(List.of(tenants));
    }

    private void index(Site site) {
        byId.put(site.id(), site);
        for (String host : site.hosts()) {
            Site previous = byHost.put(host, site);
            if (previous != null) {
                throw SluiceException.badRequest("host %s: on %s and %s (expected: one site per host)"
                        .formatted(host, previous.id(), site.id()));
            }
        }
        for (String host : site.stagingHosts()) {
            Site previous = byHost.containsKey(host) ? byHost.get(host) : byStagingHost.put(host, site);
            if (previous != null) {
                throw SluiceException.badRequest("staging host %s: on %s and %s (expected: one site per host)"
                        .formatted(host, previous.id(), site.id()));
            }
        }
        Long zone = site.zone();
        if (zone != null) {
            Site previous = byZone.put(zone, site);
            if (previous != null) {
                throw SluiceException.badRequest("zone %d: on %s and %s (expected: one site per zone)"
                        .formatted(zone, previous.id(), site.id()));
            }
        }
    }

    /** The site whose staging environment serves the host (any case), or null. */
    public @Nullable Site byStagingHost(String host) {
        return byStagingHost.get(host.toLowerCase(Locale.ROOT));
    }

    /** The site with the 5centsCDN zone id, or null. */
    public @Nullable Site byZone(long zone) {
        return byZone.get(zone);
    }

    /** The site with the id, or null. */
    public @Nullable Site site(SiteId id) {
        return byId.get(id);
    }

    /** The site serving the host (any case, without port), or null. */
    public @Nullable Site byHost(String host) {
        return byHost.get(host.toLowerCase(Locale.ROOT));
    }

    public List<Tenant> tenants() {
        return tenants;
    }

    /** Every site of every tenant. */
    public List<Site> sites() {
        return tenants.stream().flatMap(t -> t.sites().stream()).toList();
    }
}
