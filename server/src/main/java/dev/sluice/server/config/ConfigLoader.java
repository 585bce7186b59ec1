package dev.sluice.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sluice.persistence.PostgresStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the YAML file, overlays {@code SLUICE_*} environment variables, and validates everything once.
 * An unknown key or a bad value stops the start with the file and the key named.
 */
public final class ConfigLoader {

    /** Environment variables and the key each one sets. */
    private static final Map<String, String> ENV_KEYS = Map.of(
            "SLUICE_EDGE_LISTEN", "edge.listen",
            "SLUICE_API_LISTEN", "api.listen",
            "SLUICE_STORE_PATH", "store.path",
            "SLUICE_STORE_URL", "store.url",
            "SLUICE_STORE_USER", "store.user",
            "SLUICE_STORE_PASSWORD", "store.password",
            "SLUICE_CACHE_MEMORY", "cache.memory");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads the file (or only the defaults when null) with the given environment. */
    public SluiceConfig load(@Nullable Path file, Map<String, String> env) {
        String source = file == null ? "defaults" : file.toString();
        JsonNode root = file == null ? yaml.createObjectNode() : read(file);
        if (root.isMissingNode() || root.isNull()) {
            root = yaml.createObjectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": bad value at the top level (expected: a mapping)");
        }
        overlay((ObjectNode) root, env);
        return parse(new ConfigNode(source, "", root));
    }

    private JsonNode read(Path file) {
        try {
            JsonNode node = yaml.readTree(Files.readString(file));
            return node == null ? MissingNode.getInstance() : node;
        } catch (JacksonException e) {
            throw new ConfigException("%s: not valid YAML: %s".formatted(file, e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("%s: cannot read: %s".formatted(file, e.getMessage()));
        }
    }

    private static void overlay(ObjectNode root, Map<String, String> env) {
        ENV_KEYS.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null) {
                int dot = key.indexOf('.');
                String sectionName = key.substring(0, dot);
                JsonNode section = root.get(sectionName);
                ObjectNode target = section instanceof ObjectNode o ? o : root.putObject(sectionName);
                target.put(key.substring(dot + 1), value);
            }
        });
    }

    private static SluiceConfig parse(ConfigNode root) {
        SluiceConfig config = new SluiceConfig(
                edge(section(root, "edge")),
                api(section(root, "api")),
                store(section(root, "store")),
                new SluiceConfig.Cache(section(root, "cache").size("memory", 512L << 20)),
                tenants(root));
        root.finish();
        checkHostsUnique(config);
        return config;
    }

    private static ConfigNode section(ConfigNode root, String key) {
        ConfigNode child = root.child(key);
        return child == null ? root.empty(key) : child;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static SluiceConfig.Edge edge(ConfigNode n) {
        SluiceConfig.Edge edge = new SluiceConfig.Edge(
                listen(n, "127.0.0.1:8080"),
                boundedSize(n, "maxObjectSize", 16L << 20, Integer.MAX_VALUE - 16),
                n.duration("notFoundTtl", Duration.ofSeconds(60)));
        n.finish();
        return edge;
    }

    /** A size that must fit in one Java array (cached bodies are byte arrays). */
    private static long boundedSize(ConfigNode n, String key, long fallback, long max) {
        long size = n.size(key, fallback);
        if (size > max) {
            throw n.error(n.path() + "." + key, "at most " + max + " bytes, got " + size);
        }
        return size;
    }

    private static SluiceConfig.Api api(ConfigNode n) {
        SluiceConfig.Api api = new SluiceConfig.Api(
                listen(n, "127.0.0.1:8081"),
                n.size("maxBodySize", 256L << 20),
                n.size("maxVendorBodySize", 4L << 20),
                n.bool("allowInternalDestinations", false));
        n.finish();
        return api;
    }

    private static SluiceConfig.Store store(ConfigNode n) {
        String kind = n.string("kind", n.has("url") ? "postgres" : "embedded");
        if (!kind.equals("embedded") && !kind.equals("postgres")) {
            throw n.error(n.path() + ".kind", "embedded or postgres, got '" + kind + "'");
        }
        PostgresStore.Settings postgres = null;
        if (kind.equals("postgres")) {
            String url = n.required("url");
            if (!url.startsWith("jdbc:postgresql://")) {
                throw n.error(n.path() + ".url", "jdbc:postgresql://HOST:PORT/DB, got '" + url + "'");
            }
            ConfigNode blobs = n.child("blobs");
            Path blobDir = null;
            if (blobs != null) {
                blobDir = Path.of(blobs.required("path"));
                blobs.finish();
            }
            postgres = new PostgresStore.Settings(
                    url,
                    n.string("user", "sluice"),
                    n.string("password", ""),
                    (int) Math.min(64, n.positiveLong("pool", 8)),
                    n.duration("connectTimeout", Duration.ofSeconds(2)),
                    blobDir);
        }
        ConfigNode logNode = section(n, "log");
        long keepLast = logNode.positiveLong("keepLast", 100_000);
        SluiceConfig.Log log = new SluiceConfig.Log(logNode.duration("retention", Duration.ofDays(7)), keepLast);
        logNode.finish();
        SluiceConfig.Store store = new SluiceConfig.Store(kind, Path.of(n.string("path", "./data")), postgres, log);
        n.finish();
        return store;
    }

    private static SluiceConfig.Listen listen(ConfigNode n, String fallback) {
        String value = n.string("listen", fallback);
        int colon = value.lastIndexOf(':');
        String where = n.path() + ".listen";
        if (colon <= 0) {
            throw n.error(where, "host:port, got '" + value + "'");
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw n.error(where, "a port in 0-65535, got '" + value + "'");
            }
            return new SluiceConfig.Listen(value.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw n.error(where, "host:port, got '" + value + "'");
        }
    }

    private static List<SluiceConfig.Tenant> tenants(ConfigNode root) {
        List<SluiceConfig.Tenant> tenants = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> t : root.children("tenants").entrySet()) {
            tenants.add(TenantReader.read(t.getKey(), t.getValue()));
        }
        return List.copyOf(tenants);
    }

    private static void checkHostsUnique(SluiceConfig config) {
        Map<String, String> owner = new HashMap<>();
        Map<Long, String> zones = new HashMap<>();
        for (SluiceConfig.Tenant t : config.tenants()) {
            for (SluiceConfig.Site s : t.sites()) {
                Long zone = s.zone();
                String zoneOwner = zone == null ? null : zones.put(zone, t.name() + "/" + s.name());
                if (zoneOwner != null) {
                    throw new ConfigException(
                            "tenants.%s.sites.%s.zone: %d is already the zone of %s (expected: unique)"
                                    .formatted(t.name(), s.name(), zone, zoneOwner));
                }
                for (String host : concat(s.hosts(), s.stagingHosts())) {
                    String previous = owner.put(host, t.name() + "/" + s.name());
                    if (previous != null) {
                        throw new ConfigException(
                                "tenants.%s.sites.%s.hosts: %s is already a host of %s (expected: each host in one site)"
                                        .formatted(t.name(), s.name(), host, previous));
                    }
                }
            }
        }
    }
}
