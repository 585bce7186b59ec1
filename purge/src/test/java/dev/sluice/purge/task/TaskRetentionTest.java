package dev.sluice.purge.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRetentionTest {

    private final ManualClock clock = new ManualClock();
    private final InMemoryPurgeTaskStore store = new InMemoryPurgeTaskStore(new InMemoryPurgeLog(clock));
    private final PurgeTaskService tasks = new PurgeTaskService(store, clock, "node-1");
    private final TaskRetention retention = new TaskRetention(store, clock, TaskRetention.DEFAULT);

    private PurgeTask submit() {
        PurgeRequest r = new PurgeRequest(new SiteId("acme", "a"), List.of(new Matcher.Exact("/x")), PurgeMode.HARD);
        return tasks.submit(new TaskDraft("acme", "cdnpro", List.of(r), List.of(TaskEntry.file("/x")), Map.of()));
    }

    @Test
    void tasksAreKeptThirtyDaysAfterSubmissionThenForgotten() {
        PurgeTask old = submit();
        clock.advance(Duration.ofDays(10));
        PurgeTask young = submit();

        clock.advance(Duration.ofDays(20));
        assertThat(retention.sweep()).as("exactly 30 days old is kept").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(retention.sweep()).isEqualTo(1);
        assertThat(store.find(old.id())).isNull();
        assertThat(store.find(young.id())).isEqualTo(young);

        clock.advance(Duration.ofDays(10));
        assertThat(retention.sweep()).isEqualTo(1);
        assertThat(store.find(young.id())).isNull();
        assertThat(retention.sweep()).isZero();
    }

    @Test
    void retentionMustBePositive() {
        assertThatThrownBy(() -> new TaskRetention(store, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention: PT0S (expected: > 0)");
    }
}
