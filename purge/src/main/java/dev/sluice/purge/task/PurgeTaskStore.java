package dev.sluice.purge.task;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where purge tasks are kept: in memory (tests), SQLite (single node), PostgreSQL (cluster). Saving
 * a task again with the same id replaces it (tasks change state).
 */
public interface PurgeTaskStore {

    /** Inserts or replaces the task; durable when this returns. */
    void save(PurgeTask task);

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
