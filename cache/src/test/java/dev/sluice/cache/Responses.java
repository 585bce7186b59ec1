package dev.sluice.cache;

import dev.sluice.core.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Builds cached responses for tests, stored now on the given clock. */
final class Responses {

    private Responses() {}

    static CachedResponse fresh(Clock clock, Duration ttl, String... tags) {
        return of(clock, 0, ttl, Duration.ZERO, Duration.ZERO, tags);
    }

    static CachedResponse of(
            Clock clock, long ageAtStoreSeconds, Duration ttl, Duration swr, Duration sie, String... tags) {
        return new CachedResponse(
                200,
                List.of(new Header("Content-Type", "text/plain")),
                new byte[] {'o', 'k'},
                null,
                "\"v1\"",
                -1,
                Set.of(tags),
                clock.nanoTime(),
                ageAtStoreSeconds,
                ttl.toNanos(),
                swr.toNanos(),
                sie.toNanos());
    }

    static CachedResponse sized(Clock clock, int bodyBytes) {
        return new CachedResponse(
                200,
                List.of(),
                new byte[bodyBytes],
                null,
                null,
                -1,
                Set.of(),
                clock.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                0,
                0);
    }
}
