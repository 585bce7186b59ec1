package dev.sluice.control;

import dev.sluice.core.SluiceException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer account and its sites.
 *
 * @param name the tenant name (Quant customer); each site's id carries it
 * @param sites the sites, with unique names
 */
public record Tenant(String name, List<Site> sites) {

    public Tenant {
        if (name.isEmpty()) {
            throw SluiceException.badRequest("tenant: \"\" (expected: non-empty)");
        }
        sites = List.copyOf(sites);
        Set<String> seen = new HashSet<>();
        for (Site site : sites) {
            if (!site.id().tenant().equals(name)) {
                throw SluiceException.badRequest("site %s: tenant %s (expected: %s)"
                        .formatted(site.id(), site.id().tenant(), name));
            }
            if (!seen.add(site.id().name())) {
                throw SluiceException.badRequest("site %s: declared twice (expected: unique)".formatted(site.id()));
            }
        }
    }

    /** A tenant with the given sites. */
    public static Tenant of(String name, Site... sites) {
        return new Tenant(name, List.of(sites));
    }
}
