package dev.sluice.purge.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeApplier;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurgeTaskServiceTest {

    private static final SiteId A = new SiteId("acme", "a");
    private static final SiteId B = new SiteId("acme", "b");

    private final ManualClock clock = new ManualClock();
    private final InMemoryPurgeLog log = new InMemoryPurgeLog(clock);
    private final MemoryCacheStore cache = new MemoryCacheStore(clock, 1 << 20);
    private final InMemoryPurgeTaskStore store = new InMemoryPurgeTaskStore(log);
    private final PurgeApplier applier = new PurgeApplier(cache);
    private final PurgeTaskService tasks = new PurgeTaskService(store, clock, "node-1");

    @Test
    void taskIsRecordedFinishedWithNodeProgressAndListenersAreTold() {
        List<PurgeTask> told = new ArrayList<>();
        tasks.onDone(told::add);
        AutoCloseable _ = applier.follow(log);

        PurgeTask task = tasks.submit(draft(
                new PurgeRequest(A, List.of(new Matcher.Exact("/x")), PurgeMode.HARD),
                new PurgeRequest(B, List.of(new Matcher.Glob("/d/*")), PurgeMode.SOFT)));

        assertThat(task.state()).isEqualTo(TaskState.FINISHED);
        assertThat(task.successRate()).isEqualTo(100);
        assertThat(task.finishedAt()).isEqualTo(clock.instant());
        assertThat(task.nodes()).containsExactly(new NodeProgress("node-1", 2, true));
        assertThat(task.count(TaskEntry.Kind.FILE)).isEqualTo(1);
        assertThat(task.count(TaskEntry.Kind.DIR)).isEqualTo(1);
        assertThat(store.find(task.id())).isEqualTo(task);
        assertThat(told).containsExactly(task);
        assertThat(log.lastSeq()).isEqualTo(2);
        assertThat(cache.appliedSeq()).as("applied before submit returned").isEqualTo(2);
    }

    @Test
    void invalidMatcherRejectsTheWholeTaskBeforeAnythingIsLogged() {
        assertThatThrownBy(() -> tasks.submit(draft(
                        new PurgeRequest(A, List.of(new Matcher.Exact("/x")), PurgeMode.HARD),
                        new PurgeRequest(B, List.of(new Matcher.Regex("(")), PurgeMode.HARD))))
                .isInstanceOf(SluiceException.class);

        assertThat(log.lastSeq()).isZero();
        assertThat(store.list(
                        "acme",
                        "test",
                        clock.instant().minusSeconds(1),
                        clock.instant().plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void listIsPerTenantAndDialectWithinTheWindowOldestFirst() {
        PurgeTask first = tasks.submit(draft(new PurgeRequest(A, List.of(new Matcher.All()), PurgeMode.HARD)));
        clock.advance(Duration.ofMinutes(1));
        PurgeTask second = tasks.submit(draft(new PurgeRequest(A, List.of(new Matcher.All()), PurgeMode.HARD)));
        tasks.submit(new TaskDraft(
                "other",
                "test",
                List.of(new PurgeRequest(A, List.of(new Matcher.All()), PurgeMode.HARD)),
                List.of(),
                Map.of()));

        assertThat(store.list(
                        "acme", "test", first.submittedAt(), clock.instant().plusMillis(1)))
                .containsExactly(first, second);
        assertThat(store.list(
                        "acme", "test", second.submittedAt(), clock.instant().plusMillis(1)))
                .containsExactly(second);
        assertThat(store.deleteBefore(second.submittedAt())).isEqualTo(1);
        assertThat(store.find(first.id())).isNull();
    }

    private static TaskDraft draft(PurgeRequest... requests) {
        return new TaskDraft(
                "acme",
                "test",
                List.of(requests),
                List.of(TaskEntry.file("http://a.example/x"), TaskEntry.dir("http://b.example/d/*")),
                Map.of("name", "t"));
    }
}
