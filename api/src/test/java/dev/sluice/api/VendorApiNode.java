package dev.sluice.api;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Freshness;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.control.ApiUser;
import dev.sluice.control.DateSignature;
import dev.sluice.control.KeyedRateLimiter;
import dev.sluice.control.QuantAuthenticator;
import dev.sluice.control.QuotaLedger;
import dev.sluice.control.RateLimit;
import dev.sluice.control.RateLimiter;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.Tenant;
import dev.sluice.control.TenantQuotas;
import dev.sluice.control.VendorCredentials;
import dev.sluice.control.VendorCredentials.Vendor;
import dev.sluice.control.webhook.RetryPolicy;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.core.SiteId;
import dev.sluice.dialect.cdnpro.CdnProApi;
import dev.sluice.dialect.fivecents.FiveCentsApi;
import dev.sluice.dialect.quant.QuantApi;
import dev.sluice.dialect.quantil.QuantilApi;
import dev.sluice.persistence.EmbeddedStore;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeApplier;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A real node with every vendor dialect mounted as the server mounts them, on one manual clock, for
 * the vendor golden files. Tenants: {@code acme} (site {@code www}: pull zone {@code www.acme.test},
 * staging {@code staging.acme.test}, zone 11; site {@code docs}: content site {@code docs.acme.test},
 * zone 12), {@code globex} ({@code shop}: pull zone {@code shop.globex.test}, zone 22) and {@code
 * tiny} ({@code site}: {@code tiny.test}, zone 33, quotas of 3 file and 1 dir URL per day per vendor).
 * Users: {@code <tenant>-pro}, {@code <tenant>-qtl} (key {@code <user>-key}) and 5centsCDN keys {@code
 * <tenant>-5c}. Task ids are {@code 00000000-0000-0000-0000-00000000000n}, in order.
 */
final class VendorApiNode implements AutoCloseable {

    static final SiteId WWW = new SiteId("acme", "www");
    static final SiteId DOCS = new SiteId("acme", "docs");
    static final SiteId SHOP = new SiteId("globex", "shop");
    static final SiteId TINY = new SiteId("tiny", "site");

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-02T03:04:05Z"));
    final EmbeddedStore store;
    final MemoryCacheStore cache = new MemoryCacheStore(clock, 64L * 1024 * 1024);
    final ApiServer server;
    final HttpClient http = HttpClient.newHttpClient();
    private final WebhookSender sender;
    private final AutoCloseable following;

    VendorApiNode(Path dataDir) throws IOException {
        store = EmbeddedStore.open(dataDir, clock, ApiServerConfig.DEFAULT_MAX_BODY_BYTES);
        SiteDirectory sites = SiteDirectory.of(
                Tenant.of(
                        "acme",
                        Site.builder(WWW)
                                .host("www.acme.test")
                                .stagingHost("staging.acme.test")
                                .zone(11L)
                                .pullZone(true)
                                .build(),
                        Site.builder(DOCS)
                                .host("docs.acme.test")
                                .zone(12L)
                                .quantToken("docs-token")
                                .build()),
                Tenant.of(
                        "globex",
                        Site.builder(SHOP)
                                .host("shop.globex.test")
                                .zone(22L)
                                .pullZone(true)
                                .build()),
                Tenant.of("tiny", Site.builder(TINY).host("tiny.test").zone(33L).build()));
        VendorCredentials.Builder creds = VendorCredentials.builder();
        for (String tenant : List.of("acme", "globex", "tiny")) {
            creds.user(Vendor.CDNPRO, new ApiUser(tenant, tenant + "-pro", tenant + "-pro-key"));
            creds.user(Vendor.QUANTIL, new ApiUser(tenant, tenant + "-qtl", tenant + "-qtl-key"));
            creds.fivecentsKey(tenant, tenant + "-5c");
        }
        VendorCredentials credentials = creds.build();
        AtomicInteger ids = new AtomicInteger();
        following = new PurgeApplier(cache).follow(store.purgeLog());
        PurgeTaskService tasks = new PurgeTaskService(
                store.purgeTasks(),
                clock,
                "local",
                () -> "00000000-0000-0000-0000-%012d".formatted(ids.incrementAndGet()));
        // Golden cases register webhooks on loopback receivers.
        sender = new WebhookSender(
                clock,
                store.webhookDeliveries(),
                new RetryPolicy(2, Duration.ZERO, Duration.ZERO),
                true,
                WebhookSender.DEFAULT_MAX_PENDING);
        DateSignature signature = new DateSignature(clock);
        // The same ledger the task store charges in: the store's.
        QuotaLedger ledger = store.quotas(Duration.ofHours(24));
        Map<String, TenantQuotas> quotas = Map.of("tiny", new TenantQuotas(3, 1, 3, 1));
        java.util.function.Function<String, TenantQuotas> quotaOf =
                t -> quotas.getOrDefault(t, TenantQuotas.defaults());
        List<VendorMount> vendors = List.of(
                new VendorMount(
                        "/cdn",
                        "cdnpro",
                        new CdnProApi(
                                sites,
                                credentials,
                                signature,
                                new KeyedRateLimiter(clock, new RateLimit(300, Duration.ofMinutes(5))),
                                tasks,
                                quotaOf,
                                ledger,
                                store.webhooks(),
                                sender,
                                clock,
                                true)),
                new VendorMount(
                        "/api/purge", "quantil", new QuantilApi(sites, credentials, signature, tasks, quotaOf, clock)),
                new VendorMount(
                        "/v2/zones",
                        "fivecents",
                        new FiveCentsApi(
                                sites,
                                credentials,
                                new KeyedRateLimiter(clock, new RateLimit(5, Duration.ofSeconds(1))),
                                tasks)));
        QuantApi quant = new QuantApi(
                store.contentService(), tasks, new QuantAuthenticator(sites), new RateLimiter(clock, sites));
        server = new ApiServer(
                        new ApiServerConfig("127.0.0.1", 0, ApiServerConfig.DEFAULT_MAX_BODY_BYTES),
                        quant,
                        vendors,
                        new SimpleMeterRegistry(),
                        () -> "# metrics\n")
                .start();
    }

    static SiteId site(String name) {
        return switch (name) {
            case "acme/www" -> WWW;
            case "acme/www@staging" -> WWW.staging();
            case "acme/docs" -> DOCS;
            case "globex/shop" -> SHOP;
            case "tiny/site" -> TINY;
            default -> throw new IllegalArgumentException("site: " + name);
        };
    }

    /** Caches a fresh object under the key. */
    void fill(SiteId site, String target) {
        CachedResponse r = new CachedResponse(
                200,
                List.of(),
                new byte[1],
                null,
                null,
                -1,
                Set.of(),
                clock.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                0,
                Duration.ofMinutes(1).toNanos());
        cache.put(new CacheKey(site, target), r, cache.fillToken());
    }

    /** {@code gone}, {@code stale} or {@code fresh}. */
    String state(SiteId site, String target) {
        @Nullable CacheHit hit = cache.get(new CacheKey(site, target));
        return hit == null ? "gone" : hit.freshness() == Freshness.FRESH ? "fresh" : "stale";
    }

    /** Purges logged after the sequence, as "tenant/site MODE [matchers]". */
    List<String> purgesAfter(long seq) {
        return store.purgeLog().readAfter(seq, 10_000).stream()
                .map(VendorApiNode::describe)
                .toList();
    }

    static String describe(PurgeCommand c) {
        return c.request().site() + " " + c.request().mode() + " "
                + c.request().matchers().stream().map(VendorApiNode::describe).toList();
    }

    /** A matcher as the golden files write it: {@code Exact[target=/a]}, headers only when given. */
    static String describe(Matcher m) {
        if (m instanceof Matcher.Exact(String target, Map<String, String> headers)) {
            return headers.isEmpty()
                    ? "Exact[target=" + target + "]"
                    : "Exact[target=" + target + ", requestHeaders=" + new TreeMap<>(headers) + "]";
        }
        return m.toString();
    }

    URI uri(String path) {
        return LoopbackHttp.uri(server, path);
    }

    HttpResponse<String> send(HttpRequest request) {
        return LoopbackHttp.send(http, request);
    }

    @Override
    public void close() throws IOException {
        http.close();
        server.close();
        sender.close();
        try {
            following.close();
        } catch (Exception e) {
            throw new IOException(e);
        }
        store.close();
    }
}
