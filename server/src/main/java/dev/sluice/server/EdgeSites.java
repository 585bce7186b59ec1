package dev.sluice.server;

import dev.sluice.core.SiteId;
import dev.sluice.edge.EdgeSite;
import dev.sluice.edge.origin.PullOrigin;
import dev.sluice.edge.origin.SiteCachePolicy;
import dev.sluice.server.config.SluiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A configured site as the edge sees it: production, plus staging (its own cache, same origin)
 * when it has staging hosts.
 */
final class EdgeSites {

    private EdgeSites() {}

    static List<EdgeSite> of(SiteId id, SluiceConfig.Site s) {
        PullOrigin origin = origin(s.origin());
        SluiceConfig.CachePolicy c = s.cache();
        SiteCachePolicy policy = new SiteCachePolicy(
                c.defaultTtl(), c.keepQuery(), c.cachePrivate(), c.cacheSetCookie(), c.cacheAuthorized());
        List<EdgeSite> sites = new ArrayList<>();
        sites.add(new EdgeSite(id, new LinkedHashSet<>(s.hosts()), origin, policy));
        if (!s.stagingHosts().isEmpty()) {
            sites.add(new EdgeSite(id.staging(), new LinkedHashSet<>(s.stagingHosts()), origin, policy));
        }
        return sites;
    }

    private static @Nullable PullOrigin origin(SluiceConfig.@Nullable Origin o) {
        return o == null
                ? null
                : new PullOrigin(o.url(), o.hostHeader(), o.connectTimeout(), o.readTimeout(), o.maxConnections());
    }
}
