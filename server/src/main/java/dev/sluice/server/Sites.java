package dev.sluice.server;

import dev.sluice.control.QuantCredential;
import dev.sluice.control.RateLimit;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.Tenant;
import dev.sluice.core.SiteId;
import dev.sluice.edge.EdgeSite;
import dev.sluice.server.config.SluiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The configured tenants and sites, as each plane sees them: the control plane gets credentials and
 * limits, the edge only a host → site snapshot.
 */
final class Sites {

    private final SiteDirectory control;
    private final dev.sluice.edge.SiteDirectory edge;

    Sites(List<SluiceConfig.Tenant> tenants) {
        List<Tenant> controlTenants = new ArrayList<>();
        List<EdgeSite> edgeSites = new ArrayList<>();
        for (SluiceConfig.Tenant t : tenants) {
            List<Site> sites = new ArrayList<>();
            for (SluiceConfig.Site s : t.sites()) {
                SiteId id = new SiteId(t.name(), s.name());
                sites.add(controlSite(id, s));
                edgeSites.add(new EdgeSite(id, new LinkedHashSet<>(s.hosts())));
            }
            controlTenants.add(new Tenant(t.name(), sites));
        }
        this.control = SiteDirectory.of(controlTenants);
        this.edge = dev.sluice.edge.SiteDirectory.of(edgeSites);
    }

    private static Site controlSite(SiteId id, SluiceConfig.Site s) {
        Site.Builder b = Site.builder(id);
        s.hosts().forEach(b::host);
        String token = s.quantToken();
        if (token != null) {
            b.quant(QuantCredential.parse(token));
        }
        SluiceConfig.RateLimit limit = s.rateLimit();
        if (limit != null) {
            b.rateLimit(new RateLimit(Math.toIntExact(limit.requests()), limit.per()));
        }
        return b.build();
    }

    SiteDirectory control() {
        return control;
    }

    dev.sluice.edge.SiteDirectory edge() {
        return edge;
    }
}
