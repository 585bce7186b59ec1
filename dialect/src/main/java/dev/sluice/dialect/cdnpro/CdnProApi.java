package dev.sluice.dialect.cdnpro;

import dev.sluice.control.ApiUser;
import dev.sluice.control.DateSignature;
import dev.sluice.control.KeyedRateLimiter;
import dev.sluice.control.QuotaLedger;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.TenantQuotas;
import dev.sluice.control.VendorCredentials;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.core.Clock;
import dev.sluice.dialect.ErrorReplies;
import dev.sluice.dialect.Routes;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.task.PurgeTaskService;
import java.util.function.Function;

/**
 * CDN Pro's API, mounted at {@code /cdn}: the request path is what follows it. Decorators, outermost
 * first: the error table ({@link CdnPro#error}), the signature check ({@link DateSignature}, 401
 * {@code AccessDenied}), the per-user rate limit (300 per 5 minutes, 429 {@code
 * RequestLimitExceeded}), then the route.
 */
public final class CdnProApi implements WireHandler {

    private final WireHandler handler;

    /**
     * @param sites hosts to sites
     * @param credentials CDN Pro users
     * @param signature the Date/HMAC check
     * @param limiter the per-user rate limit
     * @param tasks where purges are submitted and recorded
     * @param quotas each tenant's quotas
     * @param ledger rolling 24 h usage
     * @param webhooks the webhook registry
     * @param sender delivers callbacks when CDN Pro tasks with a webhook finish
     * @param clock the clock
     * @param allowInternalDestinations whether webhooks may point at internal addresses (tests)
     */
    public CdnProApi(
            SiteDirectory sites,
            VendorCredentials credentials,
            DateSignature signature,
            KeyedRateLimiter limiter,
            PurgeTaskService tasks,
            Function<String, TenantQuotas> quotas,
            QuotaLedger ledger,
            WebhookRegistry webhooks,
            WebhookSender sender,
            Clock clock,
            boolean allowInternalDestinations) {
        PurgeQuotas purgeQuotas = new PurgeQuotas(quotas, ledger);
        PurgeRoutes purges = new PurgeRoutes(sites, tasks, purgeQuotas, webhooks, clock);
        WebhookRoutes hooks = new WebhookRoutes(webhooks, clock, allowInternalDestinations);
        tasks.onDone(new Callbacks(webhooks, sender));
        Routes<ApiUser> routes = new Routes<ApiUser>()
                .add("POST", "/purges", purges::create)
                .add("GET", "/purges", purges::list)
                .add("GET", "/purges/purgeSummary", purges::summary)
                .add("GET", "/purges/purgeTokens", purges::tokens)
                .add("GET", "/purges/{id}", purges::status)
                .add("POST", "/webhooks", hooks::create)
                .add("GET", "/webhooks", hooks::list)
                .add("GET", "/webhooks/{id}", hooks::get)
                .add("PATCH", "/webhooks/{id}", hooks::update)
                .add("DELETE", "/webhooks/{id}", hooks::delete);
        WireHandler secured = request -> {
            ApiUser user = signature.verify(
                    request.header("Authorization"),
                    request.header("Date"),
                    name -> credentials.user(VendorCredentials.Vendor.CDNPRO, name));
            limiter.acquire(user.user());
            return routes.route(user, request);
        };
        this.handler = ErrorReplies.rendered("CDN Pro", secured, CdnPro::error);
    }

    @Override
    public WireResponse handle(WireRequest request) {
        return handler.handle(request);
    }
}
