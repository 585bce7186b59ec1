package dev.sluice.purge.task;

import dev.sluice.core.Clock;
import dev.sluice.purge.CompiledMatcher;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link TaskDraft} into a recorded purge task: validates every matcher (a bad one rejects the
 * whole task before anything is logged), then records the task with all of its purge commands and its
 * quota charge in one transaction ({@link PurgeTaskStore#record}), and tells the listeners.
 *
 * <p>Design notes. The store applies the commands on this node before {@code record} returns, so on
 * one node a task is saved FINISHED with this node's progress in the same commit as its commands: a
 * crash can leave no task WAITING or RUNNING, and no purge without its task. A failed commit records
 * nothing and the failure goes to the client. The cluster will compute progress from the edges'
 * receipts instead. Times are kept to the millisecond so stored and returned tasks are equal.
 */
public final class PurgeTaskService {

    private static final Logger log = LoggerFactory.getLogger(PurgeTaskService.class);

    private final PurgeTaskStore store;
    private final Clock clock;
    private final String node;
    private final Supplier<String> ids;
    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();

    public PurgeTaskService(PurgeTaskStore store, Clock clock, String node) {
        this(store, clock, node, () -> UUID.randomUUID().toString());
    }

    public PurgeTaskService(PurgeTaskStore store, Clock clock, String node, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.ids = ids;
    }

    /** Adds a listener told of every task once it is done. */
    public PurgeTaskService onDone(TaskListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The store tasks are kept in, for the dialects' status and list routes. */
    public PurgeTaskStore store() {
        return store;
    }

    /** Records and applies the purge; returns the task as saved when done. */
    public PurgeTask submit(TaskDraft draft) {
        return submit(draft, QuotaCharge.NONE);
    }

    /**
     * Records and applies the purge, charging the quota in the same transaction (a refused charge
     * throws its refusal and records nothing); returns the task as saved when done.
     */
    public PurgeTask submit(TaskDraft draft, QuotaCharge charge) {
        draft.requests().forEach(r -> r.matchers().forEach(CompiledMatcher::compile));
        Instant submitted = now();
        PurgeTask task = new PurgeTask(
                ids.get(),
                draft.tenant(),
                draft.dialect(),
                submitted,
                null,
                TaskState.WAITING,
                draft.requests(),
                draft.entries(),
                draft.attributes(),
                0,
                List.of(new NodeProgress(node, 0, false)),
                null);
        PurgeTask done = store.record(
                task,
                charge,
                seq -> task.with(TaskState.FINISHED, submitted, 100, List.of(new NodeProgress(node, seq, true)), null));
        log.info(
                "purge task {} ({} {}): {} entries in {} request(s), up to seq {}",
                done.id(),
                done.dialect(),
                done.tenant(),
                done.entries().size(),
                done.requests().size(),
                done.nodes().getFirst().appliedSeq());
        notifyDone(done);
        return done;
    }

    private void notifyDone(PurgeTask task) {
        for (TaskListener listener : listeners) {
            try {
                listener.done(task);
            } catch (RuntimeException e) {
                log.error("purge task {} listener {} failed", task.id(), listener, e);
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
