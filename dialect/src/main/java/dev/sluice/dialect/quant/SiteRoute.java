package dev.sluice.dialect.quant;

import dev.sluice.core.SiteId;
import dev.sluice.dialect.WireResponse;

/** A Quant route that acts for an authenticated site. */
@FunctionalInterface
interface SiteRoute {

    WireResponse handle(SiteId site, QuantCall call);
}
