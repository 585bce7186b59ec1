package dev.sluice.purge.task;

/** Where a purge task is in its life. */
public enum TaskState {
    /** Recorded, not yet applied by any node. */
    WAITING,
    /** Applied by some nodes, not all. */
    IN_PROGRESS,
    /** Applied by every node. */
    FINISHED,
    /** Could not be applied; the task keeps what was done. */
    FAILED;

    /** Whether the task will not change any more. */
    public boolean isDone() {
        return this == FINISHED || this == FAILED;
    }
}
