package dev.sluice.control;

/**
 * A vendor API user of a tenant: QUANTIL and CDN Pro sign each request with the key (HMAC-SHA1 of the
 * Date header), so the key itself must be kept, unlike Quant tokens and 5centsCDN keys.
 *
 * @param tenant the tenant the user acts for
 * @param user the user name sent in Basic auth
 * @param key the API key, the HMAC secret
 */
public record ApiUser(String tenant, String user, String key) {

    public ApiUser {
        if (tenant.isEmpty() || user.isEmpty() || key.isEmpty()) {
            throw SluiceExceptions.config(
                    "api user: %s of %s (expected: tenant, user and key non-empty)".formatted(user, tenant));
        }
    }

    @Override
    public String toString() {
        return "ApiUser[" + tenant + "/" + user + "]";
    }
}
