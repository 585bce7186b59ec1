package dev.sluice.control.webhook;

import dev.sluice.control.DateSignature;
import dev.sluice.core.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers callbacks: POSTs the JSON body, signed, and retries with exponential backoff while the
 * receiver fails (no reply, or a status outside 2xx), at least once and at most {@link
 * RetryPolicy#attempts()} times. Every attempt goes to the {@link DeliveryLog}.
 *
 * <p>Design notes. {@link #send} returns at once: the purge that finished never waits for its
 * receiver. Requests go out with {@link HttpClient#sendAsync}; a failure schedules the next attempt on
 * one scheduler thread, so a slow or dead receiver holds no thread. The returned future completes
 * with the last attempt; a final failure is logged with the webhook and task. Each attempt is signed
 * afresh with the current Date, so a receiver checking the date's skew accepts retries too.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Clock clock;
    private final DeliveryLog deliveries;
    private final RetryPolicy policy;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;

    public WebhookSender(Clock clock, DeliveryLog deliveries, RetryPolicy policy) {
        this.clock = clock;
        this.deliveries = deliveries;
        this.policy = policy;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sluice-webhooks").daemon().factory());
    }

    /** Sends the callback in the background; the future completes with the last attempt. */
    public CompletableFuture<Delivery> send(Webhook webhook, String taskId, byte[] body, Signing signing) {
        CompletableFuture<Delivery> result = new CompletableFuture<>();
        attempt(webhook, taskId, body, signing, 1, result);
        return result;
    }

    private void attempt(
            Webhook webhook, String taskId, byte[] body, Signing signing, int n, CompletableFuture<Delivery> result) {
        HttpRequest request;
        try {
            request = request(webhook, body, signing);
        } catch (IllegalArgumentException e) {
            finish(webhook, taskId, n, 0, "bad url: " + e.getMessage(), result);
            return;
        }
        CompletableFuture<?> _ = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    int status = response == null ? 0 : response.statusCode();
                    String error = failure != null ? failure.toString() : status / 100 == 2 ? null : "status " + status;
                    if (error == null || n >= policy.attempts()) {
                        finish(webhook, taskId, n, status, error, result);
                        return;
                    }
                    deliveries.record(new Delivery(webhook.id(), taskId, n, clock.instant(), status, error));
                    retryLater(webhook, taskId, body, signing, n, result);
                });
    }

    private void retryLater(
            Webhook webhook, String taskId, byte[] body, Signing signing, int n, CompletableFuture<Delivery> result) {
        try {
            ScheduledFuture<?> _ = scheduler.schedule(
                    () -> attempt(webhook, taskId, body, signing, n + 1, result),
                    policy.backoff(n).toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed while retrying: the callback is lost with the node; say so on the task's log.
            finish(webhook, taskId, n, 0, "sender closed before retry", result);
        }
    }

    private void finish(
            Webhook webhook,
            String taskId,
            int n,
            int status,
            @Nullable String error,
            CompletableFuture<Delivery> result) {
        Delivery delivery = new Delivery(webhook.id(), taskId, n, clock.instant(), status, error);
        deliveries.record(delivery);
        if (error != null) {
            log.error("webhook {} for task {}: gave up after {} attempts: {}", webhook, taskId, n, error);
        }
        result.complete(delivery);
    }

    private HttpRequest request(Webhook webhook, byte[] body, Signing signing) {
        String date = DateSignature.httpDate(clock.instant());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Date", date)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String secret = webhook.secretKey();
        if (secret != null) {
            b.header("X-Sluice-Signature", "sha256=" + sha256(secret, date, body));
            String user = webhook.user();
            if (signing == Signing.CDNPRO && user != null) {
                b.header("Authorization", DateSignature.authorization(user, secret, date));
            }
        }
        return b.build();
    }

    /** The hex HMAC-SHA256 of {@code date + "\n" + body}, as {@code X-Sluice-Signature} carries it. */
    public static String sha256(String secret, String date, byte[] body) {
        byte[] prefix = (date + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return HexFormat.of().formatHex(DateSignature.hmacSha256(secret, message));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        client.close();
    }
}
