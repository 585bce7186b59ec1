package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.PurgeMode;
import dev.sluice.control.QuotaLedger;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.task.NodeProgress;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.PurgeTaskStore;
import dev.sluice.purge.task.QuotaCharge;
import dev.sluice.purge.task.TaskEntry;
import dev.sluice.purge.task.TaskState;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link PurgeTaskStore} contract, run against every implementation: a task and its purge
 * commands are recorded together or not at all.
 */
abstract class TaskStoreContract {

    static final SiteId SITE = new SiteId("acme", "www");

    final ManualClock clock = new ManualClock();

    @SuppressWarnings("NullAway.Init") // set by open() before each test
    PurgeTaskStore tasks;

    @SuppressWarnings("NullAway.Init")
    PurgeLog log;

    /** Reads the quota usage the store charges (24 h window). */
    @SuppressWarnings("NullAway.Init")
    QuotaLedger quotas;

    /** Opens a new, empty store on the clock; sets {@link #tasks}, {@link #log} and {@link #quotas}. */
    abstract void open(ManualClock clock) throws Exception;

    void close() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        open(clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        close();
    }

    PurgeTask task(String id, Instant at) {
        return new PurgeTask(
                id,
                "acme",
                "cdnpro",
                at,
                null,
                TaskState.WAITING,
                List.of(
                        new PurgeRequest(SITE, List.of(new Matcher.Glob("/a/**")), PurgeMode.SOFT),
                        new PurgeRequest(SITE, List.of(new Matcher.Exact("/b")), PurgeMode.HARD)),
                List.of(TaskEntry.dir("http://a.example/a/**"), TaskEntry.file("http://a.example/b")),
                Map.of("target", "production"),
                0,
                List.of(new NodeProgress("local", 0, false)),
                null);
    }

    static PurgeTask finished(PurgeTask t, long seq) {
        return new PurgeTask(
                t.id(),
                t.tenant(),
                t.dialect(),
                t.submittedAt(),
                t.submittedAt(),
                TaskState.FINISHED,
                t.requests(),
                t.entries(),
                t.attributes(),
                100,
                List.of(new NodeProgress("local", seq, true)),
                null);
    }

    @Test
    void aTaskIsRecordedWithItsCommandsInOneStep() {
        log.append("before", PurgeLogContract.exact("/x"));
        PurgeTask waiting = task("t1", clock.instant());

        PurgeTask saved = tasks.record(waiting, seq -> finished(waiting, seq));

        assertThat(saved).isEqualTo(finished(waiting, 3));
        assertThat(tasks.find("t1")).isEqualTo(saved);
        assertThat(log.readAfter(1, 10))
                .extracting(PurgeCommand::id, PurgeCommand::request)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "t1/0", waiting.requests().get(0)),
                        org.assertj.core.groups.Tuple.tuple(
                                "t1/1", waiting.requests().get(1)));
        assertThat(tasks.record(waiting, seq -> finished(waiting, seq)))
                .as("recorded again: nothing new is logged")
                .isEqualTo(saved);
        assertThat(log.lastSeq()).isEqualTo(3);
    }

    @Test
    void aTaskWhoseCommandsCannotBeLoggedIsNotKept() {
        log.append("t2/1", PurgeLogContract.exact("/other"));
        PurgeTask waiting = task("t2", clock.instant());

        assertThatThrownBy(() -> tasks.record(waiting, seq -> finished(waiting, seq)))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));

        assertThat(tasks.find("t2")).isNull();
        assertThat(log.lastSeq()).as("the first command went with the task").isEqualTo(1);
    }

    static QuotaCharge charge(long files, long limit) {
        return new QuotaCharge(
                Map.of("files", files),
                Map.of("files", limit),
                false,
                Duration.ofHours(24),
                () -> new SluiceException(ErrorKind.RATE_LIMITED, "quota used up"));
    }

    @Test
    void theQuotaIsChargedWithTheTaskAndOnlyWhenItIsRecorded() {
        PurgeTask first = task("q1", clock.instant());
        tasks.record(first, charge(8, 10), seq -> finished(first, seq));
        assertThat(quotas.used("files")).isEqualTo(8);

        PurgeTask refused = task("q2", clock.instant());
        assertThatThrownBy(() -> tasks.record(refused, charge(3, 10), seq -> finished(refused, seq)))
                .hasMessage("quota used up");
        assertThat(tasks.find("q2")).as("a refused charge records no task").isNull();
        assertThat(log.lastSeq()).as("and logs no purge").isEqualTo(2);

        log.append("q3/0", PurgeLogContract.exact("/other"));
        PurgeTask unloggable = task("q3", clock.instant());
        assertThatThrownBy(() -> tasks.record(unloggable, charge(1, 10), seq -> finished(unloggable, seq)))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(quotas.used("files"))
                .as("a task that is not recorded spends nothing")
                .isEqualTo(8);
    }

    @Test
    void tasksAreListedPerTenantAndDialectAndForgottenByAge() {
        PurgeTask first = task("a", clock.instant());
        tasks.save(first);
        clock.advance(Duration.ofMinutes(1));
        PurgeTask second = tasks.record(
                task("b", clock.instant()),
                seq -> finished(task("b", first.submittedAt().plusSeconds(60)), seq));

        assertThat(tasks.list(
                        "acme", "cdnpro", first.submittedAt(), clock.instant().plusMillis(1)))
                .containsExactly(first, second);
        assertThat(tasks.list(
                        "acme", "quantil", first.submittedAt(), clock.instant().plusMillis(1)))
                .isEmpty();
        assertThat(tasks.list(
                        "other", "cdnpro", first.submittedAt(), clock.instant().plusMillis(1)))
                .isEmpty();
        tasks.save(finished(first, 9));
        assertThat(tasks.find("a")).isEqualTo(finished(first, 9));
        assertThat(tasks.deleteBefore(second.submittedAt())).isEqualTo(1);
        assertThat(tasks.find("a")).isNull();
        assertThat(tasks.find("b")).isEqualTo(second);
    }
}
