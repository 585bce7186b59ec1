package dev.sluice.dialect.cdnpro;

import dev.sluice.control.QuotaLedger;
import dev.sluice.control.TenantQuotas;
import dev.sluice.purge.task.QuotaCharge;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * CDN Pro's rolling 24 h purge quotas per tenant and environment (spec §2.1): file entries, and
 * directory plus regex entries. A request is allowed while tokens remain, even if it goes over (the
 * overrun stays in the window, so it is taken off the next day's tokens).
 */
final class PurgeQuotas {

    static final Duration WINDOW = Duration.ofHours(24);

    private final Function<String, TenantQuotas> quotas;
    private final QuotaLedger ledger;

    PurgeQuotas(Function<String, TenantQuotas> quotas, QuotaLedger ledger) {
        this.quotas = quotas;
        this.ledger = ledger;
    }

    /**
     * The charge for the entries, paid with the task (refused with 403 {@code PurgeQuotaExceeded}).
     */
    QuotaCharge charge(String tenant, String target, long files, long dirs) {
        TenantQuotas q = quotas.apply(tenant);
        String fileKey = key(tenant, target, "file");
        String dirKey = key(tenant, target, "dir");
        return new QuotaCharge(
                Map.of(fileKey, files, dirKey, dirs),
                Map.of(fileKey, q.cdnproFileUrls(), dirKey, q.cdnproDirUrls()),
                true,
                WINDOW,
                () -> CdnPro.quota(
                        "The purge quota of the '%s' environment is used up: %d file and %d dir/regex entries per 24 hours."
                                .formatted(target, q.cdnproFileUrls(), q.cdnproDirUrls())));
    }

    /** Tokens left: {@code [file, dir]}, never below zero. */
    long[] tokens(String tenant, String target) {
        TenantQuotas q = quotas.apply(tenant);
        return new long[] {
            Math.max(0, q.cdnproFileUrls() - ledger.used(key(tenant, target, "file"))),
            Math.max(0, q.cdnproDirUrls() - ledger.used(key(tenant, target, "dir")))
        };
    }

    private static String key(String tenant, String target, String kind) {
        return "cdnpro/" + tenant + "/" + target + "/" + kind;
    }
}
