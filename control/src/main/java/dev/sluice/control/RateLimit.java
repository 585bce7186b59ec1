package dev.sluice.control;

import dev.sluice.core.SluiceException;
import java.time.Duration;

/**
 * At most {@code requests} per {@code per}, as a token bucket: a client may burst up to {@code
 * requests} at once, then gets one more every {@code per / requests}.
 *
 * @param requests how many requests the window allows (at least 1)
 * @param per the window (positive)
 */
public record RateLimit(int requests, Duration per) {

    public RateLimit {
        if (requests < 1) {
            throw SluiceException.badRequest("rate limit requests: %d (expected: >= 1)".formatted(requests));
        }
        if (per.isNegative() || per.isZero()) {
            throw SluiceException.badRequest("rate limit per: %s (expected: > 0)".formatted(per));
        }
    }

    /** Requests per minute, Quant's documented unit (100 per minute per project). */
    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    /** Nanoseconds between two refills of one request. */
    long nanosPerRequest() {
        return Math.max(1, per.toNanos() / requests);
    }
}
