package dev.sluice.purge;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import java.util.List;

/**
 * A dialect-free purge: what every vendor API decodes into.
 *
 * @param site the site purged
 * @param matchers what to purge (at least one)
 * @param mode HARD evicts, SOFT marks stale
 */
public record PurgeRequest(SiteId site, List<Matcher> matchers, PurgeMode mode) {

    public PurgeRequest {
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("matchers: [] (expected: at least one)");
        }
    }
}
