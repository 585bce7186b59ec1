package dev.sluice.dialect.quant;

import dev.sluice.dialect.Routes;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;

/**
 * The {@code /v1} route table (see {@link Routes}): the root is both "" and "/", and errors name the
 * path with its {@code /v1} prefix, as clients sent it.
 */
final class QuantRouter {

    private final Routes<QuantRouter> routes = new Routes<>("/v1");

    /** Adds a route; the pattern is a path below {@code /v1}, e.g. {@code /revisions/{selector}}. */
    QuantRouter add(String method, String pattern, QuantRoute route) {
        routes.add(method, pattern, (self, request, params) -> route.handle(new QuantCall(request, params)));
        return this;
    }

    /** Routes the request to its route. */
    WireResponse route(WireRequest request) {
        return routes.route(this, request);
    }
}
