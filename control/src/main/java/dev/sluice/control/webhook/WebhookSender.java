package dev.sluice.control.webhook;

import dev.sluice.control.DateSignature;
import dev.sluice.core.Clock;
import dev.sluice.core.net.InternalAddresses;
import java.net.InetAddress;
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
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Tenant-registered receivers ({@link #send}) are resolved again right before every attempt and
 * refused, without retry, when they resolve to an internal address ({@link InternalAddresses}): the
 * name may have been rebound since it was registered. Operator-configured ones ({@link #sendTrusted})
 * are exempt. At most {@code maxPending} deliveries are in flight or waiting to retry, each holding its
 * body; beyond that a delivery is dropped and recorded as such instead of queued.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Clock clock;
    private final DeliveryLog deliveries;
    private final RetryPolicy policy;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final boolean allowInternalDestinations;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    /** A sender refusing internal destinations of tenant webhooks, with {@link #DEFAULT_MAX_PENDING}. */
    public WebhookSender(Clock clock, DeliveryLog deliveries, RetryPolicy policy) {
        this(clock, deliveries, policy, false, DEFAULT_MAX_PENDING);
    }

    /** Deliveries in flight or waiting to retry by default, beyond which new ones are dropped. */
    public static final int DEFAULT_MAX_PENDING = 1000;

    /**
     * @param allowInternalDestinations whether tenant webhooks may resolve to internal addresses
     *     (tests with loopback receivers)
     * @param maxPending deliveries in flight or waiting to retry, beyond which new ones are dropped
     */
    public WebhookSender(
            Clock clock,
            DeliveryLog deliveries,
            RetryPolicy policy,
            boolean allowInternalDestinations,
            int maxPending) {
        this.allowInternalDestinations = allowInternalDestinations;
        this.maxPending = maxPending;
        this.clock = clock;
        this.deliveries = deliveries;
        this.policy = policy;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sluice-webhooks").daemon().factory());
    }

    /**
     * Sends the callback of a tenant-registered webhook in the background; the future completes with
     * the last attempt. Internal destinations are refused unless allowed.
     */
    public CompletableFuture<Delivery> send(Webhook webhook, String taskId, byte[] body, Signing signing) {
        return start(webhook, taskId, body, signing, !allowInternalDestinations);
    }

    /** Sends the callback of an operator-configured webhook, which may be internal. */
    public CompletableFuture<Delivery> sendTrusted(Webhook webhook, String taskId, byte[] body, Signing signing) {
        return start(webhook, taskId, body, signing, false);
    }

    private CompletableFuture<Delivery> start(
            Webhook webhook, String taskId, byte[] body, Signing signing, boolean publicOnly) {
        CompletableFuture<Delivery> result = new CompletableFuture<>();
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            Delivery dropped = new Delivery(
                    webhook.id(),
                    taskId,
                    0,
                    clock.instant(),
                    0,
                    "dropped: %d deliveries pending".formatted(maxPending));
            deliveries.record(dropped);
            log.error("webhook {} for task {}: dropped, {} deliveries pending", webhook, taskId, maxPending);
            result.complete(dropped);
            return result;
        }
        attempt(new Attempt(webhook, taskId, body, signing, publicOnly), 1, result);
        return result;
    }

    /** What every attempt of one delivery shares. */
    private static final class Attempt {
        private final Webhook webhook;
        private final String taskId;
        private final byte[] body;
        private final Signing signing;
        private final boolean publicOnly;

        Attempt(Webhook webhook, String taskId, byte[] body, Signing signing, boolean publicOnly) {
            this.webhook = webhook;
            this.taskId = taskId;
            this.body = body;
            this.signing = signing;
            this.publicOnly = publicOnly;
        }
    }

    private void attempt(Attempt a, int n, CompletableFuture<Delivery> result) {
        Webhook webhook = a.webhook;
        String taskId = a.taskId;
        byte[] body = a.body;
        Signing signing = a.signing;
        HttpRequest request;
        try {
            request = request(webhook, body, signing);
        } catch (IllegalArgumentException e) {
            finish(webhook, taskId, n, 0, "bad url: " + e.getMessage(), result);
            return;
        }
        String refused = a.publicOnly ? internal(request.uri().getHost()) : null;
        if (refused != null) {
            // Checked again on every attempt: the name may have been rebound to an internal address.
            finish(webhook, taskId, n, 0, "refused: " + refused + " (expected: a public address)", result);
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
                    retryLater(a, n, result);
                });
    }

    private void retryLater(Attempt a, int n, CompletableFuture<Delivery> result) {
        try {
            ScheduledFuture<?> _ = scheduler.schedule(
                    () -> attempt(a, n + 1, result), policy.backoff(n).toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed while retrying: the callback is lost with the node; say so on the task's log.
            finish(a.webhook, a.taskId, n, 0, "sender closed before retry", result);
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
        pending.decrementAndGet();
        deliveries.record(delivery);
        if (error != null) {
            log.error("webhook {} for task {}: gave up after {} attempts: {}", webhook, taskId, n, error);
        }
        result.complete(delivery);
    }

    /** Why {@code host} may not be called, or null when it resolves to public addresses only. */
    private static @Nullable String internal(@Nullable String host) {
        if (host == null) {
            return "no host";
        }
        InetAddress address = InternalAddresses.firstInternal(host);
        return address == null ? null : host + " is " + address.getHostAddress() + ", an internal address";
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
