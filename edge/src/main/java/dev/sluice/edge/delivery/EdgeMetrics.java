package dev.sluice.edge.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The edge's meters: {@code sluice.edge.requests} (by cache outcome and status class),
 * {@code sluice.edge.latency} (by outcome) and {@code sluice.edge.origin.fetch} (by origin kind and
 * result). Every meter is registered up front so the hit path does no registry lookups.
 */
public final class EdgeMetrics {

    private static final String[] STATUS_CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private record Meters(List<Counter> byStatus, Timer latency) {}

    private final Meters hit;
    private final Meters miss;
    private final Meters stale;
    private final Meters pass;
    private final Meters error;
    private final MeterRegistry registry;

    public EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hit = meters(registry, Outcome.HIT);
        this.miss = meters(registry, Outcome.MISS);
        this.stale = meters(registry, Outcome.STALE);
        this.pass = meters(registry, Outcome.PASS);
        this.error = meters(registry, Outcome.ERROR);
    }

    /** Counts a finished request. */
    public void request(Outcome outcome, int status, long elapsedNanos) {
        Meters m = switch (outcome) {
            case HIT -> hit;
            case MISS -> miss;
            case STALE -> stale;
            case PASS -> pass;
            case ERROR -> error;
        };
        m.byStatus().get(status >= 100 && status < 600 ? status / 100 : 0).increment();
        m.latency().record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    private static Meters meters(MeterRegistry registry, Outcome o) {
        Counter[] byStatus = new Counter[STATUS_CLASSES.length];
        for (int s = 0; s < STATUS_CLASSES.length; s++) {
            byStatus[s] = Counter.builder("sluice.edge.requests")
                    .description("Requests answered by the edge")
                    .tag("cache", o.tag())
                    .tag("status", STATUS_CLASSES[s])
                    .register(registry);
        }
        Timer latency = Timer.builder("sluice.edge.latency")
                .description("Time from request to the last byte handed to the connection")
                .tag("cache", o.tag())
                .register(registry);
        return new Meters(List.of(byStatus), latency);
    }

    /** Times one origin fetch. */
    public void originFetch(String origin, boolean ok, long elapsedNanos) {
        Timer.builder("sluice.edge.origin.fetch")
                .description("Time to resolve a miss at the origin")
                .tag("origin", origin)
                .tag("result", ok ? "ok" : "error")
                .register(registry)
                .record(elapsedNanos, TimeUnit.NANOSECONDS);
    }
}
