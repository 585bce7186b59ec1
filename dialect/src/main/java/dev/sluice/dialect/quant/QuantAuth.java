package dev.sluice.dialect.quant;

import dev.sluice.control.QuantAuthenticator;
import dev.sluice.control.RateLimiter;

/**
 * The decorators every site route wears: authentication by the Quant headers, then the site's rate
 * limit. A refusal is a {@link dev.sluice.core.SluiceException} (401, 403, 429) that {@link
 * QuantErrors} renders.
 */
final class QuantAuth {

    private final QuantAuthenticator authenticator;
    private final RateLimiter limiter;

    QuantAuth(QuantAuthenticator authenticator, RateLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    /** The route, authenticated and rate limited. */
    QuantRoute secured(SiteRoute route) {
        return authenticated(rateLimited(route));
    }

    QuantRoute authenticated(SiteRoute route) {
        return call -> route.handle(
                authenticator.authenticate(
                        call.header("Quant-Customer"),
                        call.header("Quant-Organisation"),
                        call.header("Quant-Project"),
                        call.header("Quant-Token")),
                call);
    }

    SiteRoute rateLimited(SiteRoute route) {
        return (site, call) -> {
            limiter.acquire(site);
            return route.handle(site, call);
        };
    }
}
