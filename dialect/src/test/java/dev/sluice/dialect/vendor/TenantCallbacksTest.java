package dev.sluice.dialect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.control.webhook.Delivery;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.dialect.SafeJson;
import dev.sluice.dialect.TenantCallbacks;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskEntry;
import dev.sluice.purge.task.TaskState;
import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.FakeReply;
import dev.sluice.testing.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's configured webhook hears of every finished task of that tenant in any dialect, signed
 * with X-Sluice-Signature, retried while the receiver fails, every attempt in the delivery log; other
 * tenants' tasks never reach it.
 */
class TenantCallbacksTest {

    private final VendorFixture f = new VendorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyDialectsTaskIsDeliveredSignedAndRetriedThroughTheLog() throws Exception {
        try (FakeOrigin receiver = FakeOrigin.start()) {
            receiver.enqueue("/acme", FakeReply.status(503))
                    .enqueue("/acme", FakeReply.status(503))
                    .always("/acme", FakeReply.status(204));
            Webhook hook = new Webhook(
                    "acme/hook-1",
                    "acme",
                    "acme/hook-1",
                    "configured",
                    receiver.uri("/acme").toString(),
                    null,
                    "s3",
                    Instant.EPOCH);
            f.tasks.onDone(new TenantCallbacks(t -> t.equals("acme") ? List.of(hook) : List.of(), f.sender));

            assertThat(f.fivecents
                            .handle(VendorFixture.request(
                                    "POST",
                                    "/http/pull/11/purge",
                                    WireHeaders.of("X-API-Key", "acme-5c"),
                                    "",
                                    Map.of()))
                            .status())
                    .isEqualTo(200);
            assertThat(f.fivecents
                            .handle(VendorFixture.request(
                                    "POST",
                                    "/http/pull/22/purge",
                                    WireHeaders.of("X-API-Key", "globex-5c"),
                                    "",
                                    Map.of()))
                            .status())
                    .isEqualTo(200);
            String acmeTask = f.taskStore
                    .list("acme", "fivecents", Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"))
                    .getFirst()
                    .id();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (f.deliveries.forTask(acmeTask).stream().noneMatch(Delivery::succeeded)
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the sender retries on its own thread
            }
            assertThat(f.deliveries.forTask(acmeTask))
                    .extracting(Delivery::status)
                    .containsExactly(503, 503, 204);
            assertThat(f.deliveries.forTask(acmeTask))
                    .extracting(Delivery::attempt)
                    .containsExactly(1, 2, 3);
            assertThat(receiver.hits("/acme"))
                    .as("globex's task never reaches acme's hook")
                    .isEqualTo(3);

            RecordedRequest last = receiver.lastRequest("/acme");
            assertThat(last.header("Date")).isNotNull();
            // The body is checked against this signature end to end (VendorPurgeEndToEndTest).
            assertThat(last.header("X-Sluice-Signature")).matches("sha256=[0-9a-f]{64}");
            assertThat(last.header("Authorization"))
                    .as("no CDN Pro auth on tenant hooks")
                    .isNull();
        }
    }

    @Test
    void bodyListsAtMostOneHundredEntriesAndTheTotal() throws Exception {
        List<TaskEntry> entries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            entries.add(TaskEntry.file("http://www.acme.test/" + i));
        }
        PurgeTask task = new PurgeTask(
                "t1",
                "acme",
                "cdnpro",
                Instant.EPOCH,
                Instant.EPOCH,
                TaskState.FINISHED,
                List.of(),
                entries,
                Map.of(),
                100,
                List.of(),
                null);

        JsonNode big = SafeJson.mapper().readTree(TenantCallbacks.body(task));
        JsonNode small = SafeJson.mapper()
                .readTree(TenantCallbacks.body(new PurgeTask(
                        "t2",
                        "acme",
                        "cdnpro",
                        Instant.EPOCH,
                        Instant.EPOCH,
                        TaskState.FINISHED,
                        List.of(),
                        entries.subList(0, 3),
                        Map.of(),
                        100,
                        List.of(),
                        null)));

        assertThat(big.get("entries")).hasSize(100);
        assertThat(big.get("entryCount").asInt()).isEqualTo(150);
        assertThat(big.get("entriesTruncated").asBoolean()).isTrue();
        assertThat(small.get("entries")).hasSize(3);
        assertThat(small.get("entryCount").asInt()).isEqualTo(3);
        assertThat(small.has("entriesTruncated")).isFalse();
    }
}
