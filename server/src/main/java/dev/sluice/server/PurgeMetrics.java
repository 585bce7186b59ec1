package dev.sluice.server;

import dev.sluice.purge.PurgeFeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts the purges this node applies, by mode, whoever wrote them (a purge API, a content change):
 * a subscriber of the log's commits.
 */
final class PurgeMetrics {

    private PurgeMetrics() {}

    /** Subscribes the counter to the feed; close the result to stop. */
    static AutoCloseable countApplied(PurgeFeed feed, MeterRegistry registry) {
        return feed.subscribe(command -> Counter.builder("sluice_purges")
                .description("Purge commands applied on this node, by mode")
                .tag("mode", command.request().mode().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment());
    }
}
