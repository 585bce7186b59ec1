package dev.sluice.edge;

import dev.sluice.core.SiteId;
import java.util.Set;

/**
 * A site as the edge sees it: who it is and which hosts it answers. Its origin is Sluice's content
 * store; pull zones will add an upstream URL here and an {@code HttpOrigin} beside the
 * {@code ContentOrigin}.
 *
 * @param id the site
 * @param hosts the host names it answers, without ports (matched case-insensitively)
 */
public record EdgeSite(SiteId id, Set<String> hosts) {

    public EdgeSite {
        hosts = Set.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts of %s: [] (expected: at least one)".formatted(id));
        }
    }
}
