package dev.sluice.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes the YAML configuration of a test node: ephemeral loopback ports, an embedded store, given sites. */
final class NodeConfig {

    private final Path dataDir;
    private final List<SiteSpec> sites = new ArrayList<>();
    private @Nullable String maxBodySize;
    private boolean allowInternalDestinations;
    private @Nullable String store;
    private final Map<String, StringBuilder> tenantYaml = new LinkedHashMap<>();
    private final Map<String, StringBuilder> siteYaml = new LinkedHashMap<>();

    private NodeConfig(Path dataDir) {
        this.dataDir = dataDir;
    }

    static NodeConfig of(Path dataDir) {
        return new NodeConfig(dataDir);
    }

    NodeConfig site(SiteSpec site) {
        sites.add(site);
        return this;
    }

    /** Lets tenants point CDN Pro webhooks (and Quant proxies) at loopback receivers. */
    NodeConfig allowInternalDestinations(boolean allow) {
        this.allowInternalDestinations = allow;
        return this;
    }

    /** The store as a YAML mapping, e.g. {@code { kind: postgres, url: "jdbc:..." }}; default: embedded. */
    NodeConfig store(String yamlMapping) {
        this.store = yamlMapping;
        return this;
    }

    NodeConfig maxBodySize(String size) {
        this.maxBodySize = size;
        return this;
    }

    /**
     * Extra YAML lines for a tenant (credentials, quotas, webhooks), written under it as given, e.g.
     * {@code credentials: { cdnpro: [{ user: u, key: k }] }}.
     */
    NodeConfig tenant(String tenant, String yamlLine) {
        tenantYaml
                .computeIfAbsent(tenant, t -> new StringBuilder())
                .append("    ")
                .append(yamlLine)
                .append('\n');
        return this;
    }

    /** Extra YAML lines for a site (zone, stagingHosts, origin), written under it as given. */
    NodeConfig siteYaml(SiteSpec site, String yamlLine) {
        siteYaml.computeIfAbsent(site.tenant() + "/" + site.site(), t -> new StringBuilder())
                .append("        ")
                .append(yamlLine)
                .append('\n');
        return this;
    }

    /** Writes {@code sluice.yaml} into {@code dir} and returns its path. */
    Path write(Path dir) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("edge:  { listen: \"127.0.0.1:0\" }\n");
        yaml.append("api:   { listen: \"127.0.0.1:0\"")
                .append(maxBodySize == null ? "" : ", maxBodySize: " + maxBodySize)
                .append(allowInternalDestinations ? ", allowInternalDestinations: true" : "")
                .append(" }\n");
        if (store == null) {
            yaml.append("store: { kind: embedded, path: \"").append(dataDir).append("\" }\n");
        } else {
            yaml.append("store: ").append(store).append('\n');
        }
        yaml.append("tenants:\n");
        byTenant().forEach((tenant, list) -> {
            yaml.append("  ").append(tenant).append(":\n    sites:\n");
            for (SiteSpec s : list) {
                yaml.append("      ").append(s.site()).append(":\n");
                yaml.append("        hosts: [").append(s.host()).append("]\n");
                yaml.append("        quant: { token: \"").append(s.token()).append("\" }\n");
                yaml.append(siteYaml.getOrDefault(s.tenant() + "/" + s.site(), new StringBuilder()));
            }
            yaml.append(tenantYaml.getOrDefault(tenant, new StringBuilder()));
        });
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("sluice.yaml"), yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<SiteSpec>> byTenant() {
        Map<String, List<SiteSpec>> tenants = new LinkedHashMap<>();
        for (SiteSpec s : sites) {
            tenants.computeIfAbsent(s.tenant(), t -> new ArrayList<>()).add(s);
        }
        return tenants;
    }
}
