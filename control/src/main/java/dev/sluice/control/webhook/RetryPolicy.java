package dev.sluice.control.webhook;

import java.time.Duration;

/**
 * How often and how patiently a failing receiver is retried: attempt n waits {@code initial * 2^(n-2)}
 * (capped at {@code max}) after attempt n-1 failed.
 *
 * @param attempts the most attempts, at least 1
 * @param initial the wait before the second attempt
 * @param max the longest wait
 */
public record RetryPolicy(int attempts, Duration initial, Duration max) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts: %d (expected: >= 1)".formatted(attempts));
        }
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "backoff: %s..%s (expected: 0 <= initial <= max)".formatted(initial, max));
        }
    }

    /** Ten attempts over about 17 minutes: 2 s, 4 s, ... capped at 5 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    /** The wait after the given failed attempt (1-based). */
    Duration backoff(int failedAttempt) {
        int shift = Math.min(failedAttempt - 1, 30);
        Duration wait = initial.multipliedBy(1L << shift);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
