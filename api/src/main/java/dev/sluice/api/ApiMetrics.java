package dev.sluice.api;

import dev.sluice.dialect.WireHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times management API requests, as a decorator around a mounted handler: {@code
 * sluice.api.requests} (a counter) and {@code sluice.api.latency} (a timer), tagged with the API, the
 * method and the status. Time comes from the registry's clock.
 */
final class ApiMetrics {

    static final String REQUESTS = "sluice.api.requests";
    static final String LATENCY = "sluice.api.latency";

    private final MeterRegistry registry;

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The handler, measured under the API's name. */
    WireHandler measured(String api, WireHandler handler) {
        return request -> {
            Timer.Sample sample = Timer.start(registry);
            int status = 500;
            try {
                var response = handler.handle(request);
                status = response.status();
                return response;
            } finally {
                String code = Integer.toString(status);
                String method = knownMethod(request.method());
                Counter.builder(REQUESTS)
                        .description("Management API requests")
                        .tags("api", api, "method", method, "status", code)
                        .register(registry)
                        .increment();
                sample.stop(Timer.builder(LATENCY)
                        .description("Management API request latency")
                        .tags("api", api, "method", method, "status", code)
                        .register(registry));
            }
        };
    }

    /** Any method a client invents is counted as OTHER: tags must not grow without bound. */
    private static String knownMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> method;
            default -> "OTHER";
        };
    }
}
