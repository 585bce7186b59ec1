package dev.sluice.purge.task;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A quota charge that a purge task pays in the transaction that records it: the task is kept only
 * if the charge fits, and the charge is spent only if the task is kept.
 *
 * @param amounts usage key to amount (e.g. a tenant's CDN Pro file URLs in production)
 * @param limits usage key to limit over the window; a key without one is unlimited
 * @param overrun when true, a key with any tokens left may go over (CDN Pro); when false the charge
 *     must fit
 * @param window the rolling window usage is counted over
 * @param refusal the dialect's own error when the charge does not fit
 */
public record QuotaCharge(
        Map<String, Long> amounts,
        Map<String, Long> limits,
        boolean overrun,
        Duration window,
        Supplier<? extends RuntimeException> refusal) {

    /** No charge. */
    public static final QuotaCharge NONE = new QuotaCharge(
            Map.of(), Map.of(), false, Duration.ofDays(1), () -> new IllegalStateException("no charge refused"));

    public QuotaCharge {
        amounts = Map.copyOf(amounts);
        limits = Map.copyOf(limits);
        if (window.toMinutes() < 1) {
            throw new IllegalArgumentException("window: %s (expected: >= 1m)".formatted(window));
        }
    }

    /** Whether there is nothing to charge. */
    public boolean isEmpty() {
        return amounts.values().stream().allMatch(a -> a == 0);
    }

    /**
     * Counts charges against usage: the store's part of {@link PurgeTaskStore#record}. In memory it
     * wraps a quota ledger; a database store charges in its own transaction instead.
     */
    @FunctionalInterface
    public interface Counter {
        /** Charges when it fits; returns whether it did. */
        boolean tryCharge(QuotaCharge charge);
    }
}
