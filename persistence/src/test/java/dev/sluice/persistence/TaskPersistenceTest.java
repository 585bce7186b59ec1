package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.PurgeMode;
import dev.sluice.control.webhook.Delivery;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.core.SiteId;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.task.NodeProgress;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskEntry;
import dev.sluice.purge.task.TaskState;
import dev.sluice.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void tasksWebhooksAndDeliveriesSurviveAReopen() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PurgeTask task = new PurgeTask(
                "t1",
                "acme",
                "cdnpro",
                t0,
                t0.plusMillis(5),
                TaskState.FINISHED,
                List.of(new PurgeRequest(
                        new SiteId("acme", "www"),
                        List.of(new Matcher.Glob("/a/**"), new Matcher.Exact("/b")),
                        PurgeMode.SOFT)),
                List.of(TaskEntry.dir("http://a.example/a/**"), TaskEntry.file("http://a.example/b")),
                Map.of("target", "production", "action", "invalidate"),
                100,
                List.of(new NodeProgress("local", 7, true)),
                null);
        Webhook hook = new Webhook("w1", "acme", "n", "", "http://127.0.0.1:1/h", "u", "s", t0);
        try (EmbeddedStore store = EmbeddedStore.open(dir, new ManualClock(t0), 1 << 20)) {
            store.purgeTasks().save(task);
            store.webhooks().save(hook);
            store.webhookDeliveries().record(new Delivery("w1", "t1", 1, t0, 500, "status 500"));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir, new ManualClock(t0), 1 << 20)) {
            assertThat(store.purgeTasks().find("t1")).isEqualTo(task);
            assertThat(store.purgeTasks().list("acme", "cdnpro", t0, t0.plusSeconds(1)))
                    .containsExactly(task);
            assertThat(store.purgeTasks().list("other", "cdnpro", t0, t0.plusSeconds(1)))
                    .isEmpty();
            assertThat(store.webhooks().list("acme")).containsExactly(hook);
            assertThat(store.webhookDeliveries().forTask("t1"))
                    .extracting(Delivery::status)
                    .containsExactly(500);
            assertThat(store.purgeTasks().deleteBefore(t0.plusSeconds(1))).isEqualTo(1);
            assertThat(store.webhooks().delete("w1")).isTrue();
        }
    }
}
