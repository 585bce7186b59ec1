package dev.sluice.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.persistence.PostgresStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sluice.yaml"), yaml);
    }

    private ConfigException failure(String yaml) throws IOException {
        Path file = write(yaml);
        return (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(file, Map.of()));
    }

    @Test
    void theIssueShapeLoads() throws IOException {
        SluiceConfig c = loader.load(write("""
                        edge:  { listen: "127.0.0.1:8080" }
                        api:   { listen: "127.0.0.1:8081" }
                        store: { kind: embedded, path: "./data" }
                        tenants:
                          acme:
                            sites:
                              docs:
                                hosts: [docs.acme.test]
                                quant: { token: "s3cret" }
                                rateLimit: { requests: 100, per: 1m }
                        """), Map.of());
        assertThat(c.edge().listen()).isEqualTo(new SluiceConfig.Listen("127.0.0.1", 8080));
        assertThat(c.api().listen().port()).isEqualTo(8081);
        assertThat(c.store().path()).isEqualTo(Path.of("./data"));
        SluiceConfig.Site docs = c.tenants().getFirst().sites().getFirst();
        assertThat(docs.name()).isEqualTo("docs");
        assertThat(docs.hosts()).containsExactly("docs.acme.test");
        assertThat(docs.quantToken()).isEqualTo("s3cret");
        assertThat(docs.rateLimit()).isEqualTo(new SluiceConfig.RateLimit(100, Duration.ofMinutes(1)));
    }

    @Test
    void noFileGivesAWorkingSingleNode() {
        SluiceConfig c = loader.load(null, Map.of());
        assertThat(c.edge().listen().toString()).isEqualTo("127.0.0.1:8080");
        assertThat(c.api().listen().toString()).isEqualTo("127.0.0.1:8081");
        assertThat(c.api().maxBodyBytes()).isEqualTo(256L << 20);
        assertThat(c.api().maxVendorBodyBytes()).isEqualTo(4L << 20);
        assertThat(c.api().allowInternalDestinations()).isFalse();
        assertThat(c.cache().memoryBytes()).isEqualTo(512L << 20);
        assertThat(c.store().kind()).isEqualTo("embedded");
        assertThat(c.store().log()).isEqualTo(new SluiceConfig.Log(Duration.ofDays(7), 100_000));
        assertThat(c.tenants()).isEmpty();
    }

    @Test
    void aPostgresStoreTakesItsConnectionFromTheFileAndTheEnvironment() throws IOException {
        SluiceConfig c = loader.load(
                write("store: { kind: postgres, url: \"jdbc:postgresql://db:5432/a\", user: u, password: p,"
                        + " blobs: { path: /mnt/blobs }, log: { retention: 1d, keepLast: 500 } }\n"),
                Map.of("SLUICE_STORE_URL", "jdbc:postgresql://db2:5432/b", "SLUICE_STORE_PASSWORD", "secret"));
        assertThat(c.store().postgres())
                .isEqualTo(new PostgresStore.Settings(
                        "jdbc:postgresql://db2:5432/b",
                        "u",
                        "secret",
                        8,
                        Duration.ofSeconds(2),
                        Path.of("/mnt/blobs")));
        assertThat(String.valueOf(c.store().postgres())).doesNotContain("secret");
        assertThat(c.store().log()).isEqualTo(new SluiceConfig.Log(Duration.ofDays(1), 500));
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        SluiceConfig c = loader.load(
                write("edge: { listen: \"127.0.0.1:8080\" }\n"),
                Map.of(
                        "SLUICE_EDGE_LISTEN", "0.0.0.0:9090",
                        "SLUICE_API_LISTEN", "127.0.0.1:0",
                        "SLUICE_STORE_PATH", "/var/lib/sluice",
                        "SLUICE_CACHE_MEMORY", "2GiB"));
        assertThat(c.edge().listen()).isEqualTo(new SluiceConfig.Listen("0.0.0.0", 9090));
        assertThat(c.api().listen().port()).isZero();
        assertThat(c.store().path()).isEqualTo(Path.of("/var/lib/sluice"));
        assertThat(c.cache().memoryBytes()).isEqualTo(2L << 30);
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() throws IOException {
        assertThat(failure("tenants: { acme: { sites: { docs: { hosts: [a.test], colour: red } } } }\n"))
                .hasMessageContaining("sluice.yaml")
                .hasMessageContaining("tenants.acme.sites.docs.colour: unknown key");
        assertThat(failure("edge: { lisen: \"127.0.0.1:1\" }\n")).hasMessageContaining("edge.lisen: unknown key");
        assertThat(failure("cdn: {}\n")).hasMessageContaining("cdn: unknown key");
    }

    @Test
    void badValuesAreNamedWithTheExpectation() throws IOException {
        assertThat(failure("edge: { listen: \"nowhere\" }\n"))
                .hasMessageContaining("edge.listen: bad value (expected: host:port");
        assertThat(failure("api: { listen: \"127.0.0.1:70000\" }\n")).hasMessageContaining("api.listen");
        assertThat(failure("cache: { memory: lots }\n")).hasMessageContaining("cache.memory: bad value");
        assertThat(failure("edge: { maxObjectSize: 4GiB }\n"))
                .hasMessageContaining("edge.maxObjectSize: bad value (expected: at most 2147483631 bytes");
        assertThat(failure("store: { kind: mysql }\n"))
                .hasMessageContaining("store.kind: bad value (expected: embedded or postgres, got 'mysql')");
        assertThat(failure("store: { kind: postgres }\n"))
                .hasMessageContaining("store.url: bad value (expected: a non-empty string)");
        assertThat(failure("store: { url: \"postgres://db/x\" }\n"))
                .hasMessageContaining("store.url: bad value (expected: jdbc:postgresql://HOST:PORT/DB");
        assertThat(failure("store: { log: { keepLast: 0 } }\n")).hasMessageContaining("store.log.keepLast");
        assertThat(failure("tenants: { a: { sites: { s: { hosts: [] } } } }\n"))
                .hasMessageContaining("tenants.a.sites.s.hosts: bad value (expected: at least one host)");
        assertThat(failure("tenants: { a: { sites: { s: { hosts: [x.test], rateLimit: { requests: 0 } } } } }\n"))
                .hasMessageContaining("rateLimit.requests");
        assertThat(failure("tenants: { a: { sites: { s: { hosts: [x.test], rateLimit: { per: forever } } } } }\n"))
                .hasMessageContaining("rateLimit.per");
        assertThat(failure("tenants: { a: { sites: { s: { hosts: [\"bad host/\"] } } } }\n"))
                .hasMessageContaining("hosts");
        assertThat(failure("edge: [1, 2]\n")).hasMessageContaining("edge: bad value (expected: a mapping)");
        assertThat(failure("edge: { listen: \"127.0.0.1:1\"\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void aHostBelongsToOneSite() throws IOException {
        assertThat(failure("""
                        tenants:
                          a: { sites: { one: { hosts: [shared.test] } } }
                          b: { sites: { two: { hosts: [Shared.test] } } }
                        """)).hasMessageContaining("shared.test is already a host of a/one");
    }

    @Test
    void pullZonesStagingZonesAndVendorCredentialsLoad() throws IOException {
        SluiceConfig c = loader.load(write("""
                        tenants:
                          acme:
                            sites:
                              shop:
                                hosts: [shop.acme.test]
                                stagingHosts: [staging.shop.acme.test]
                                origin: "http://127.0.0.1:9000/base"
                                zone: 42
                                cache: { defaultTtl: 2m, keepQuery: false, setCookie: true }
                              api:
                                hosts: [api.acme.test]
                                origin: { url: "https://10.0.0.1:8443", host: api.internal, readTimeout: 5s, maxConnections: 8 }
                            credentials:
                              quantil:   [{ user: "acme", key: "k-quantil" }]
                              cdnpro:    [{ user: "acme-api", key: "k-cdnpro" }]
                              fivecents: [{ key: "k-5c" }]
                            quotas: { quantilDirUrlsPerDay: 10 }
                            webhooks: [{ url: "http://127.0.0.1:9999/hook", secret: "w-secret" }]
                        """), Map.of());
        SluiceConfig.Tenant acme = c.tenants().getFirst();
        SluiceConfig.Site shop = acme.sites().get(0);
        assertThat(shop.stagingHosts()).containsExactly("staging.shop.acme.test");
        assertThat(shop.zone()).isEqualTo(42L);
        SluiceConfig.Origin shopOrigin = java.util.Objects.requireNonNull(shop.origin());
        assertThat(shopOrigin.url().toString()).isEqualTo("http://127.0.0.1:9000/base");
        assertThat(shopOrigin.hostHeader()).isNull();
        assertThat(shopOrigin.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(shop.cache())
                .isEqualTo(new SluiceConfig.CachePolicy(Duration.ofMinutes(2), false, false, true, false));
        SluiceConfig.Site api = acme.sites().get(1);
        SluiceConfig.Origin apiOrigin = java.util.Objects.requireNonNull(api.origin());
        assertThat(apiOrigin.hostHeader()).isEqualTo("api.internal");
        assertThat(apiOrigin.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(apiOrigin.maxConnections()).isEqualTo(8);
        assertThat(api.zone()).isNull();
        assertThat(acme.credentials().quantil()).containsExactly(new SluiceConfig.UserKey("acme", "k-quantil"));
        assertThat(acme.credentials().cdnpro()).containsExactly(new SluiceConfig.UserKey("acme-api", "k-cdnpro"));
        assertThat(acme.credentials().fivecents()).containsExactly("k-5c");
        assertThat(acme.quotas()).isEqualTo(new SluiceConfig.Quotas(5000, 10, 5000, 20));
        assertThat(acme.webhooks())
                .containsExactly(new SluiceConfig.Hook(java.net.URI.create("http://127.0.0.1:9999/hook"), "w-secret"));
    }

    @Test
    void badPullZoneAndCredentialValuesAreNamed() throws IOException {
        assertThat(failure("tenants: { a: { sites: { s: { hosts: [x.test], origin: \"ftp://x\" } } } }\n"))
                .hasMessageContaining("tenants.a.sites.s.origin: bad value (expected: an http:// or https:// URL");
        assertThat(
                        failure(
                                "tenants: { a: { sites: { s: { hosts: [x.test], origin: { url: \"http://x\", tls: no } } } } }\n"))
                .hasMessageContaining("tenants.a.sites.s.origin.tls: unknown key");
        assertThat(failure("tenants: { a: { sites: { s: { hosts: [x.test], cache: { keepQuery: maybe } } } } }\n"))
                .hasMessageContaining("tenants.a.sites.s.cache.keepQuery: bad value (expected: true or false");
        assertThat(failure("tenants: { a: { credentials: { cdnpro: [{ user: u }] } } }\n"))
                .hasMessageContaining("tenants.a.credentials.cdnpro[0].key: bad value");
        assertThat(failure("tenants: { a: { webhooks: [{ url: \"http://x/h\" }] } }\n"))
                .hasMessageContaining("tenants.a.webhooks[0].secret: bad value");
        assertThat(failure("tenants: { a: { credentials: { akamai: [] } } }\n"))
                .hasMessageContaining("tenants.a.credentials.akamai: unknown key");
        assertThat(failure("""
                        tenants:
                          a: { sites: { one: { hosts: [one.test], zone: 7 } } }
                          b: { sites: { two: { hosts: [two.test], zone: 7 } } }
                        """)).hasMessageContaining("zone: 7 is already the zone of a/one");
        assertThat(failure("tenants: { a: { sites: { one: { hosts: [one.test], stagingHosts: [one.test] } } } }\n"))
                .hasMessageContaining("one.test is already a host of a/one");
    }

    @Test
    void aMissingFileIsReported() {
        assertThatThrownBy(() -> loader.load(dir.resolve("absent.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.yaml: cannot read");
    }
}
