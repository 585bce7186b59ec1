package dev.sluice.server;

import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.PurgeService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counts and times purges, by mode, around any {@link PurgeService}. */
final class MeteredPurgeService implements PurgeService {

    private final PurgeService delegate;
    private final MeterRegistry registry;
    private final Timer latency;

    MeteredPurgeService(PurgeService delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        this.latency = Timer.builder("sluice_purge_latency")
                .description("Time to log and apply a purge on this node")
                .register(registry);
    }

    @Override
    public PurgeCommand submit(PurgeRequest request) {
        PurgeCommand command = latency.record(() -> delegate.submit(request));
        Counter.builder("sluice_purges")
                .description("Purges applied, by mode")
                .tag("mode", request.mode().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
        return command;
    }
}
