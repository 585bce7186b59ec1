package dev.sluice.edge;

import dev.sluice.core.SiteId;
import dev.sluice.edge.origin.PullOrigin;
import dev.sluice.edge.origin.SiteCachePolicy;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A site as the edge sees it: who it is, which hosts it answers, where its misses go and how its
 * responses are cached. Without a {@link PullOrigin} the origin is Sluice's content store; with one
 * the site is a pull zone and misses are forwarded to that upstream server.
 *
 * @param id the site
 * @param hosts the host names it answers, without ports (matched case-insensitively)
 * @param origin the upstream server of a pull zone, or null for the content store
 * @param cache how responses of a pull zone are cached
 */
public record EdgeSite(
        SiteId id, Set<String> hosts, @Nullable PullOrigin origin, SiteCachePolicy cache) {

    public EdgeSite {
        hosts = Set.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts of %s: [] (expected: at least one)".formatted(id));
        }
    }

    /** A content-store site with the default cache policy. */
    public EdgeSite(SiteId id, Set<String> hosts) {
        this(id, hosts, null, SiteCachePolicy.DEFAULT);
    }
}
