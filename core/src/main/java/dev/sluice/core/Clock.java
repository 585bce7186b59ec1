package dev.sluice.core;

import java.time.Instant;

/**
 * The one source of time. Monotonic nanos drive TTLs, stale windows, rate limits and backoff; the wall
 * instant stamps revisions, tasks and HTTP dates. Tests pass a manual clock and advance it instead of
 * sleeping.
 */
public interface Clock {

    /** Monotonic time in nanoseconds, only meaningful as a difference. */
    long nanoTime();

    /** Wall-clock time. */
    Instant instant();

    /** The real clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
