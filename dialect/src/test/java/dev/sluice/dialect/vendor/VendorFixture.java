package dev.sluice.dialect.vendor;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Freshness;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.control.ApiUser;
import dev.sluice.control.DateSignature;
import dev.sluice.control.InMemoryQuotaLedger;
import dev.sluice.control.KeyedRateLimiter;
import dev.sluice.control.QuotaLedger;
import dev.sluice.control.RateLimit;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.Tenant;
import dev.sluice.control.TenantQuotas;
import dev.sluice.control.VendorCredentials;
import dev.sluice.control.webhook.InMemoryDeliveryLog;
import dev.sluice.control.webhook.InMemoryWebhookRegistry;
import dev.sluice.control.webhook.RetryPolicy;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.core.SiteId;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.cdnpro.CdnProApi;
import dev.sluice.dialect.fivecents.FiveCentsApi;
import dev.sluice.dialect.quantil.QuantilApi;
import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.PurgeApplier;
import dev.sluice.purge.task.InMemoryPurgeTaskStore;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.testing.ManualClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Two tenants with one site each, the real purge engine and cache, and every vendor dialect. */
final class VendorFixture implements AutoCloseable {

    static final SiteId ACME = new SiteId("acme", "www");
    static final SiteId GLOBEX = new SiteId("globex", "shop");

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-02T03:04:05Z"));
    final MemoryCacheStore cache = new MemoryCacheStore(clock, 1 << 24);
    final InMemoryPurgeLog log = new InMemoryPurgeLog(clock);
    final AutoCloseable applying = new PurgeApplier(cache).follow(log);
    final QuotaLedger ledger = new InMemoryQuotaLedger(clock, Duration.ofHours(24));
    final InMemoryPurgeTaskStore taskStore = new InMemoryPurgeTaskStore(
            log, charge -> ledger.tryCharge(charge.amounts(), charge.limits(), charge.overrun()));
    final PurgeTaskService tasks = new PurgeTaskService(taskStore, clock, "local");
    final InMemoryWebhookRegistry webhooks = new InMemoryWebhookRegistry();
    final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
    final WebhookSender sender;
    final SiteDirectory sites = SiteDirectory.of(
            Tenant.of(
                    "acme",
                    Site.builder(ACME)
                            .host("www.acme.test")
                            .stagingHost("staging.acme.test")
                            .zone(11L)
                            .pullZone(true)
                            .build()),
            Tenant.of(
                    "globex",
                    Site.builder(GLOBEX)
                            .host("shop.globex.test")
                            .zone(22L)
                            .pullZone(false)
                            .build()));
    final VendorCredentials credentials = VendorCredentials.builder()
            .user(VendorCredentials.Vendor.CDNPRO, new ApiUser("acme", "acme-pro", "acme-key"))
            .user(VendorCredentials.Vendor.CDNPRO, new ApiUser("globex", "globex-pro", "globex-key"))
            .user(VendorCredentials.Vendor.QUANTIL, new ApiUser("acme", "acme-qtl", "acme-qkey"))
            .user(VendorCredentials.Vendor.QUANTIL, new ApiUser("globex", "globex-qtl", "globex-qkey"))
            .fivecentsKey("acme", "acme-5c")
            .fivecentsKey("globex", "globex-5c")
            .build();
    final TenantQuotas quotas = new TenantQuotas(5, 2, 5, 2);

    final CdnProApi cdnpro;
    final QuantilApi quantil = new QuantilApi(sites, credentials, new DateSignature(clock), tasks, t -> quotas, clock);
    final FiveCentsApi fivecents = new FiveCentsApi(
            sites, credentials, new KeyedRateLimiter(clock, new RateLimit(5, Duration.ofSeconds(1))), tasks);

    /** A fixture whose tenants may register webhooks on loopback receivers. */
    VendorFixture() {
        this(true);
    }

    /** A fixture whose tenants may or may not register webhooks on internal addresses. */
    VendorFixture(boolean allowInternalDestinations) {
        sender = new WebhookSender(
                clock,
                deliveries,
                new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(10)),
                allowInternalDestinations,
                WebhookSender.DEFAULT_MAX_PENDING);
        cdnpro = new CdnProApi(
                sites,
                credentials,
                new DateSignature(clock),
                new KeyedRateLimiter(clock, new RateLimit(300, Duration.ofMinutes(5))),
                tasks,
                t -> quotas,
                ledger,
                webhooks,
                sender,
                clock,
                allowInternalDestinations);
    }

    /** Caches an object of the site under the target. */
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

    /** The object's freshness, or null when it is gone. */
    @Nullable
    Freshness freshness(SiteId site, String target) {
        CacheHit hit = cache.get(new CacheKey(site, target));
        return hit == null ? null : hit.freshness();
    }

    /** A request signed the CDN Pro / QUANTIL way now. */
    WireRequest signed(
            String method, String path, String user, String key, String body, Map<String, List<String>> query) {
        String date = DateSignature.httpDate(clock.instant());
        WireHeaders headers =
                WireHeaders.of("Date", date, "Authorization", " " + DateSignature.authorization(user, key, date));
        return request(method, path, headers, body, query);
    }

    static WireRequest request(
            String method, String path, WireHeaders headers, String body, Map<String, List<String>> query) {
        return new WireRequest(
                method, path, query, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        sender.close();
        try {
            applying.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
