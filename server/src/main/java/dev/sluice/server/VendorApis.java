package dev.sluice.server;

import dev.sluice.api.VendorMount;
import dev.sluice.control.DateSignature;
import dev.sluice.control.KeyedRateLimiter;
import dev.sluice.control.QuotaLedger;
import dev.sluice.control.RateLimit;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.core.Clock;
import dev.sluice.dialect.cdnpro.CdnProApi;
import dev.sluice.dialect.fivecents.FiveCentsApi;
import dev.sluice.dialect.quantil.QuantilApi;
import dev.sluice.purge.task.PurgeTaskService;
import java.time.Duration;
import java.util.List;

/**
 * The vendor purge dialects and where they are mounted: CDN Pro at {@code /cdn}, QUANTIL at {@code
 * /api/purge}, 5centsCDN at {@code /v2/zones}, with the vendors' documented limits: CDN Pro 300
 * requests per 5 minutes per user, 5centsCDN 5 per second per key, quotas per tenant over a rolling
 * 24 hours, signatures within ±15 minutes.
 */
final class VendorApis {

    private VendorApis() {}

    static List<VendorMount> mounts(
            Sites sites,
            PurgeTaskService tasks,
            WebhookRegistry webhooks,
            WebhookSender sender,
            QuotaLedger ledger,
            Clock clock,
            boolean allowInternalDestinations) {
        DateSignature signature = new DateSignature(clock);
        CdnProApi cdnpro = new CdnProApi(
                sites.control(),
                sites.credentials(),
                signature,
                new KeyedRateLimiter(clock, new RateLimit(300, Duration.ofMinutes(5))),
                tasks,
                sites::quotas,
                ledger,
                webhooks,
                sender,
                clock,
                allowInternalDestinations);
        QuantilApi quantil =
                new QuantilApi(sites.control(), sites.credentials(), signature, tasks, sites::quotas, clock);
        FiveCentsApi fivecents = new FiveCentsApi(
                sites.control(),
                sites.credentials(),
                new KeyedRateLimiter(clock, new RateLimit(5, Duration.ofSeconds(1))),
                tasks);
        return List.of(
                new VendorMount("/cdn", "cdnpro", cdnpro),
                new VendorMount("/api/purge", "quantil", quantil),
                new VendorMount("/v2/zones", "fivecents", fivecents));
    }
}
