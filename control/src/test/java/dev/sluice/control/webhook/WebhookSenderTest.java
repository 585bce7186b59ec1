package dev.sluice.control.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.control.DateSignature;
import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.FakeReply;
import dev.sluice.testing.ManualClock;
import dev.sluice.testing.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    private static final byte[] BODY = "{\"subject\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-02T03:04:05Z"));
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final WebhookSender sender =
            new WebhookSender(clock, log, new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5)), true, 1000);

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void failingReceiverIsRetriedUntilItAcceptsAndEveryAttemptIsLogged() throws Exception {
        try (FakeOrigin receiver = FakeOrigin.start()) {
            receiver.enqueue("/hook", FakeReply.status(500))
                    .enqueue("/hook", FakeReply.status(503))
                    .always("/hook", FakeReply.status(200));
            Webhook hook = webhook(receiver.uri("/hook").toString());

            Delivery last = sender.send(hook, "task-1", BODY, Signing.CDNPRO).get(10, TimeUnit.SECONDS);

            assertThat(last.succeeded()).isTrue();
            assertThat(last.attempt()).isEqualTo(3);
            assertThat(receiver.hits("/hook")).isEqualTo(3);
            assertThat(log.forTask("task-1")).extracting(Delivery::status).containsExactly(500, 503, 200);
            RecordedRequest request = receiver.lastRequest("/hook");
            String date = DateSignature.httpDate(clock.instant());
            assertThat(request.header("Date")).isEqualTo(date);
            assertThat(request.header("Authorization")).isEqualTo(DateSignature.authorization("bot", "s3cret", date));
            assertThat(request.header("X-Sluice-Signature"))
                    .isEqualTo("sha256=" + WebhookSender.sha256("s3cret", date, BODY));
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndRecordsTheFailure() throws Exception {
        try (FakeOrigin receiver = FakeOrigin.start()) {
            receiver.always("/hook", FakeReply.status(500));

            Delivery last = sender.send(webhook(receiver.uri("/hook").toString()), "task-2", BODY, Signing.HMAC_SHA256)
                    .get(10, TimeUnit.SECONDS);

            assertThat(last.succeeded()).isFalse();
            assertThat(last.attempt()).isEqualTo(4);
            assertThat(log.forTask("task-2")).hasSize(4);
            assertThat(receiver.lastRequest("/hook").header("Authorization")).isNull();
        }
    }

    @Test
    void tenantWebhookOnAnInternalAddressIsRefusedWithoutRetryButAnOperatorOneIsSent() throws Exception {
        try (FakeOrigin receiver = FakeOrigin.start();
                WebhookSender strict =
                        new WebhookSender(clock, log, new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5)))) {
            receiver.always("/hook", FakeReply.status(200));
            Webhook hook = webhook(receiver.uri("/hook").toString());

            Delivery refused = strict.send(hook, "task-3", BODY, Signing.CDNPRO).get(10, TimeUnit.SECONDS);

            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.error()).startsWith("refused: 127.0.0.1 is 127.0.0.1, an internal address");
            assertThat(log.forTask("task-3")).hasSize(1);
            assertThat(receiver.hits("/hook")).isZero();

            Delivery trusted = strict.sendTrusted(hook, "task-4", BODY, Signing.HMAC_SHA256)
                    .get(10, TimeUnit.SECONDS);
            assertThat(trusted.succeeded()).isTrue();
            assertThat(receiver.hits("/hook")).isEqualTo(1);
        }
    }

    @Test
    void deliveriesBeyondTheBoundAreDroppedAndRecorded() throws Exception {
        try (FakeOrigin receiver = FakeOrigin.start();
                WebhookSender bounded = new WebhookSender(
                        clock, log, new RetryPolicy(4, Duration.ofHours(1), Duration.ofHours(1)), true, 1)) {
            receiver.always("/hook", FakeReply.status(500));
            Webhook hook = webhook(receiver.uri("/hook").toString());

            // The first delivery stays pending: in flight, then waiting an hour to retry.
            var first = bounded.send(hook, "task-5", BODY, Signing.HMAC_SHA256);
            Delivery dropped =
                    bounded.send(hook, "task-6", BODY, Signing.HMAC_SHA256).get(10, TimeUnit.SECONDS);

            assertThat(first).isNotDone();
            assertThat(dropped.error()).isEqualTo("dropped: 1 deliveries pending");
            assertThat(log.forTask("task-6")).containsExactly(dropped);
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(10));
    }

    private Webhook webhook(String url) {
        return new Webhook("w1", "acme", "hook", "", url, "bot", "s3cret", clock.instant());
    }
}
