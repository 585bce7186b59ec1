package dev.sluice.control.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a callback.
 *
 * @param webhookId the webhook
 * @param taskId the task the callback is about
 * @param attempt 1 for the first try
 * @param at when the attempt ended
 * @param status the receiver's HTTP status, 0 when no reply came
 * @param error why the attempt failed, or null when it succeeded (2xx)
 */
public record Delivery(
        String webhookId,
        String taskId,
        int attempt,
        Instant at,
        int status,
        @Nullable String error) {

    public boolean succeeded() {
        return error == null;
    }
}
