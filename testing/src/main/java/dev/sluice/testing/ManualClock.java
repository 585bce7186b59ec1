package dev.sluice.testing;

import dev.sluice.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test advances it; monotonic and wall time move together. */
public final class ManualClock implements Clock {

    private final Instant origin;
    private final AtomicLong nanos = new AtomicLong();

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualClock(Instant start) {
        this.origin = start;
    }

    /** Moves time forward. */
    public ManualClock advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("by: %s (expected: >= 0)".formatted(by));
        }
        nanos.addAndGet(by.toNanos());
        return this;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos.get());
    }
}
