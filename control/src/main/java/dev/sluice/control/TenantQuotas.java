package dev.sluice.control;

/**
 * Purge quotas of a tenant, each over a rolling 24 hours.
 *
 * @param quantilFileUrls QUANTIL file URLs per day (vendor default 5,000)
 * @param quantilDirUrls QUANTIL directory URLs per day (vendor default 500)
 * @param cdnproFileUrls CDN Pro file URLs per environment (vendor default 5,000)
 * @param cdnproDirUrls CDN Pro directory and regex entries per environment (vendor default 20)
 */
public record TenantQuotas(long quantilFileUrls, long quantilDirUrls, long cdnproFileUrls, long cdnproDirUrls) {

    public TenantQuotas {
        if (quantilFileUrls < 0 || quantilDirUrls < 0 || cdnproFileUrls < 0 || cdnproDirUrls < 0) {
            throw SluiceExceptions.config("quotas: %s %s %s %s (expected: >= 0)"
                    .formatted(quantilFileUrls, quantilDirUrls, cdnproFileUrls, cdnproDirUrls));
        }
    }

    /** The vendors' documented defaults. */
    public static TenantQuotas defaults() {
        return new TenantQuotas(5_000, 500, 5_000, 20);
    }
}
