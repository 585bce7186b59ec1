package dev.sluice.server;

import dev.sluice.control.ApiUser;
import dev.sluice.control.QuantCredential;
import dev.sluice.control.RateLimit;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.Tenant;
import dev.sluice.control.TenantQuotas;
import dev.sluice.control.VendorCredentials;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.core.SiteId;
import dev.sluice.edge.EdgeSite;
import dev.sluice.server.config.SluiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured tenants and sites, as each plane sees them: the control plane gets credentials and
 * limits, the edge only a host → site snapshot.
 */
final class Sites {

    private final SiteDirectory control;
    private final dev.sluice.edge.SiteDirectory edge;
    private final VendorCredentials credentials;
    private final Map<String, TenantQuotas> quotas = new HashMap<>();
    private final Map<String, List<Webhook>> webhooks = new HashMap<>();

    Sites(List<SluiceConfig.Tenant> tenants) {
        List<Tenant> controlTenants = new ArrayList<>();
        List<EdgeSite> edgeSites = new ArrayList<>();
        VendorCredentials.Builder creds = VendorCredentials.builder();
        for (SluiceConfig.Tenant t : tenants) {
            addCredentials(creds, t);
            webhooks.put(t.name(), tenantHooks(t));
            List<Site> sites = new ArrayList<>();
            for (SluiceConfig.Site s : t.sites()) {
                SiteId id = new SiteId(t.name(), s.name());
                sites.add(controlSite(id, s));
                edgeSites.addAll(EdgeSites.of(id, s));
            }
            controlTenants.add(new Tenant(t.name(), sites));
        }
        this.control = SiteDirectory.of(controlTenants);
        this.edge = dev.sluice.edge.SiteDirectory.of(edgeSites);
        this.credentials = creds.build();
    }

    private void addCredentials(VendorCredentials.Builder creds, SluiceConfig.Tenant t) {
        SluiceConfig.Credentials c = t.credentials();
        c.quantil()
                .forEach(u -> creds.user(VendorCredentials.Vendor.QUANTIL, new ApiUser(t.name(), u.user(), u.key())));
        c.cdnpro().forEach(u -> creds.user(VendorCredentials.Vendor.CDNPRO, new ApiUser(t.name(), u.user(), u.key())));
        c.fivecents().forEach(k -> creds.fivecentsKey(t.name(), k));
        SluiceConfig.Quotas q = t.quotas();
        quotas.put(
                t.name(),
                new TenantQuotas(
                        q.quantilFileUrlsPerDay(),
                        q.quantilDirUrlsPerDay(),
                        q.cdnproFileUrlsPerDay(),
                        q.cdnproDirUrlsPerDay()));
    }

    /** The configured receivers of every finished task of the tenant; ids are {@code <tenant>/hook-<n>}. */
    private static List<Webhook> tenantHooks(SluiceConfig.Tenant t) {
        List<Webhook> hooks = new ArrayList<>();
        for (SluiceConfig.Hook h : t.webhooks()) {
            String id = t.name() + "/hook-" + (hooks.size() + 1);
            hooks.add(new Webhook(id, t.name(), id, "configured", h.url().toString(), null, h.secret(), Instant.EPOCH));
        }
        return List.copyOf(hooks);
    }

    /** The tenant's configured webhooks, none for a tenant not configured. */
    List<Webhook> webhooks(String tenant) {
        return webhooks.getOrDefault(tenant, List.of());
    }

    VendorCredentials credentials() {
        return credentials;
    }

    /** The tenant's purge quotas; vendor defaults for a tenant not configured. */
    TenantQuotas quotas(String tenant) {
        return quotas.getOrDefault(tenant, TenantQuotas.defaults());
    }

    private static Site controlSite(SiteId id, SluiceConfig.Site s) {
        Site.Builder b = Site.builder(id);
        s.hosts().forEach(b::host);
        s.stagingHosts().forEach(b::stagingHost);
        b.zone(s.zone());
        if (s.origin() != null) {
            b.pullZone(s.cache().keepQuery());
        }
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
