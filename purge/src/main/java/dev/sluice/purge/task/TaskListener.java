package dev.sluice.purge.task;

/** Told when a task is done (finished or failed), after it is saved: webhooks, metrics. */
@FunctionalInterface
public interface TaskListener {

    /** Must not block: the purge's reply waits for it. Failures are logged and ignored. */
    void done(PurgeTask task);
}
