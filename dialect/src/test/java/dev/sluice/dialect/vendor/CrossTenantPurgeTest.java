package dev.sluice.dialect.vendor;

import static dev.sluice.dialect.vendor.VendorFixture.ACME;
import static dev.sluice.dialect.vendor.VendorFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.Freshness;
import dev.sluice.core.SiteId;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.task.PurgeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded random purges in every dialect with random credentials of either tenant aimed at random
 * hosts and zones of either tenant (or of nobody), one or two entries each: a credential only ever
 * purges its own tenant's objects. A request naming any host or zone that is not the credential's is
 * refused with the vendor's "not yours" answer and purges nothing at all; the other tenant's cache is
 * asserted untouched after every request, and every recorded task belongs to the credential's tenant.
 */
class CrossTenantPurgeTest {

    private static final int ROUNDS = 600;
    private static final List<String> KEYS = List.of("/a", "/d/x.png", "/r/abc");

    private record Target(@Nullable String tenant, SiteId site, String host, long zone) {}

    private static final List<Target> TARGETS = List.of(
            new Target("acme", ACME, "www.acme.test", 11),
            new Target("globex", GLOBEX, "shop.globex.test", 22),
            new Target(null, new SiteId("nobody", "x"), "nobody.test", 99));

    private final VendorFixture f = new VendorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aCredentialOnlyEverPurgesItsOwnTenantsObjects() {
        long seed = Long.getLong("crosstenant.seed", System.nanoTime());
        System.out.printf("CrossTenantPurgeTest seed: %d%n", seed);
        Random random = new Random(seed);
        int foreign = 0;
        for (int round = 0; round < ROUNDS; round++) {
            f.clock.advance(Duration.ofHours(25)); // rate limits and quotas never decide here
            for (SiteId site : List.of(ACME, GLOBEX)) {
                KEYS.forEach(k -> f.fill(site, k));
            }
            String tenant = random.nextBoolean() ? "acme" : "globex";
            List<Target> aimed = new ArrayList<>();
            int entries = 1 + random.nextInt(2); // within the fixture's daily dir quota of 2
            for (int i = 0; i < entries; i++) {
                aimed.add(TARGETS.get(random.nextInt(TARGETS.size())));
            }
            String dialect = List.of("cdnpro", "quantil", "fivecents").get(random.nextInt(3));
            int tasksBefore = tasks(tenant);
            WireResponse reply = send(dialect, tenant, aimed, random);
            boolean ownOnly = aimed.stream().allMatch(t -> tenant.equals(t.tenant()));
            String where = "seed %d round %d: %s as %s at %s -> %d %s"
                    .formatted(seed, round, dialect, tenant, aimed, reply.status(), reply.bodyText());

            SiteId other = tenant.equals("acme") ? GLOBEX : ACME;
            for (String k : KEYS) {
                assertThat(f.freshness(other, k))
                        .as("other tenant's %s, %s", k, where)
                        .isEqualTo(Freshness.FRESH);
            }
            if (ownOnly) {
                assertThat(reply.status()).as(where).isBetween(200, 299);
                assertThat(tasks(tenant)).as(where).isEqualTo(tasksBefore + 1);
            } else {
                foreign++;
                assertThat(reply.status()).as(where).isEqualTo(notYours(dialect));
                SiteId own = tenant.equals("acme") ? ACME : GLOBEX;
                for (String k : KEYS) {
                    assertThat(f.freshness(own, k))
                            .as("refused, so own %s untouched: %s", k, where)
                            .isEqualTo(Freshness.FRESH);
                }
                assertThat(tasks(tenant)).as(where).isEqualTo(tasksBefore);
            }
        }
        assertThat(foreign).isGreaterThan(ROUNDS / 4);
        for (String tenant : List.of("acme", "globex")) {
            for (String dialect : List.of("cdnpro", "quantil", "fivecents")) {
                for (PurgeTask t :
                        f.taskStore.list(tenant, dialect, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"))) {
                    assertThat(t.requests())
                            .allSatisfy(r -> assertThat(r.site().tenant()).isEqualTo(tenant));
                }
            }
        }
    }

    private static int notYours(String dialect) {
        return switch (dialect) {
            case "cdnpro" -> 400; // InvalidPurgeUrl "has not been deployed"
            case "quantil" -> 404; // NoSuchDomain
            default -> 403; // "Your account does not have permission"
        };
    }

    private int tasks(String tenant) {
        int n = 0;
        for (String dialect : List.of("cdnpro", "quantil", "fivecents")) {
            n += f.taskStore
                    .list(tenant, dialect, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"))
                    .size();
        }
        return n;
    }

    private WireResponse send(String dialect, String tenant, List<Target> aimed, Random random) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        return switch (dialect) {
            case "cdnpro" -> {
                StringBuilder files = new StringBuilder();
                StringBuilder dirs = new StringBuilder();
                for (Target t : aimed) {
                    StringBuilder into = random.nextBoolean() ? files : dirs;
                    into.append(into.isEmpty() ? "" : ",")
                            .append("\"http://")
                            .append(t.host())
                            .append(key)
                            .append('"');
                }
                String body = "{\"target\":\"production\",\"action\":\"%s\",\"fileUrls\":[%s],\"dirUrls\":[%s]}"
                        .formatted(random.nextBoolean() ? "delete" : "invalidate", files, dirs);
                yield f.cdnpro.handle(f.signed("POST", "/purges", tenant + "-pro", tenant + "-key", body, Map.of()));
            }
            case "quantil" -> {
                StringBuilder xml = new StringBuilder("<purge-urls>");
                for (Target t : aimed) {
                    String kind = random.nextBoolean() ? "file-url" : "dir-url";
                    xml.append('<')
                            .append(kind)
                            .append(">http://")
                            .append(t.host())
                            .append(key)
                            .append("</")
                            .append(kind)
                            .append('>');
                }
                String body = xml.append("</purge-urls>").toString();
                yield f.quantil.handle(f.signed("POST", "", tenant + "-qtl", tenant + "-qkey", body, Map.of()));
            }
            default -> {
                // 5centsCDN names one zone per request: the first aimed target's.
                Target t = aimed.getFirst();
                aimed.subList(1, aimed.size()).clear();
                String route = "/http/pull/" + t.zone() + "/purge"; // both fixture sites are pull zones
                String body = random.nextBoolean() ? "" : "{\"files\":[\"" + key + "\"]}";
                yield f.fivecents.handle(VendorFixture.request(
                        "POST",
                        route,
                        WireHeaders.of("X-API-Key", tenant + "-5c"),
                        body,
                        Map.of("delete", List.of("true"))));
            }
        };
    }
}
