package dev.sluice.purge.task;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Where purge tasks are kept: in memory (tests), SQLite (single node), PostgreSQL (cluster). Saving
 * a task again with the same id replaces it (tasks change state).
 */
public interface PurgeTaskStore {

    /** Inserts or replaces the task; durable when this returns. */
    void save(PurgeTask task);

    /**
     * Appends the task's requests to the purge log (ids {@code <task id>/<index>}), charges the quota
     * and saves the task as {@code applied} makes it from the last sequence of those commands, in one
     * durable transaction: a task is never kept without its purges or its charge, nor purges or a
     * charge without their task. A charge that does not fit throws its refusal and records nothing.
     * Recording the same task again appends nothing and saves it again. Returns the task as saved,
     * once its commands are committed and announced.
     */
    PurgeTask record(PurgeTask task, QuotaCharge charge, LongFunction<PurgeTask> applied);

    /** Records a task that charges no quota; see {@link #record(PurgeTask, QuotaCharge, LongFunction)}. */
    default PurgeTask record(PurgeTask task, LongFunction<PurgeTask> applied) {
        return record(task, QuotaCharge.NONE, applied);
    }

    /** The task with the id, or null. */
    @Nullable
    PurgeTask find(String id);

    /**
     * The tasks of a tenant in one dialect submitted in {@code [from, to)}, oldest first.
     *
     * @param tenant the tenant
     * @param dialect the dialect that submitted them, e.g. {@code cdnpro}
     */
    List<PurgeTask> list(String tenant, String dialect, Instant from, Instant to);

    /** Deletes tasks submitted before the instant (retention); returns how many. */
    int deleteBefore(Instant cutoff);
}
