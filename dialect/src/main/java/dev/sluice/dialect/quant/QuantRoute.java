package dev.sluice.dialect.quant;

import dev.sluice.dialect.WireResponse;

/** A routed Quant request, before authentication; decorators turn {@link SiteRoute}s into these. */
@FunctionalInterface
interface QuantRoute {

    WireResponse handle(QuantCall call);
}
