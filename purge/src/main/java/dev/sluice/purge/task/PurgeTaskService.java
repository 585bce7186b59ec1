package dev.sluice.purge.task;

import dev.sluice.core.Clock;
import dev.sluice.purge.CompiledMatcher;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.PurgeService;
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
 * whole task before anything is logged), saves the task WAITING, submits each request through the
 * {@link PurgeService}, and saves it FINISHED with this node's progress, then tells the listeners.
 *
 * <p>Design notes. On one node {@link PurgeService#submit} applies before it returns, so a task is
 * finished when its reply is sent; the cluster will record other nodes' acknowledgements as progress
 * and finish the task when all are in. A submit that fails part-way marks the task FAILED with the
 * share of requests applied as its success rate, and the failure is rethrown to the client. Times are
 * kept to the millisecond so stored and returned tasks are equal.
 */
public final class PurgeTaskService {

    private static final Logger log = LoggerFactory.getLogger(PurgeTaskService.class);

    private final PurgeService purges;
    private final PurgeTaskStore store;
    private final Clock clock;
    private final String node;
    private final Supplier<String> ids;
    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();

    public PurgeTaskService(PurgeService purges, PurgeTaskStore store, Clock clock, String node) {
        this(purges, store, clock, node, () -> UUID.randomUUID().toString());
    }

    public PurgeTaskService(PurgeService purges, PurgeTaskStore store, Clock clock, String node, Supplier<String> ids) {
        this.purges = purges;
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
        draft.requests().forEach(r -> r.matchers().forEach(CompiledMatcher::compile));
        PurgeTask task = new PurgeTask(
                ids.get(),
                draft.tenant(),
                draft.dialect(),
                now(),
                null,
                TaskState.WAITING,
                draft.requests(),
                draft.entries(),
                draft.attributes(),
                0,
                List.of(new NodeProgress(node, 0, false)),
                null);
        store.save(task);
        PurgeTask done = apply(task);
        store.save(done);
        notifyDone(done);
        return done;
    }

    private PurgeTask apply(PurgeTask task) {
        long seq = 0;
        int applied = 0;
        try {
            for (PurgeRequest request : task.requests()) {
                PurgeCommand command = purges.submit(request);
                seq = command.seq();
                applied++;
            }
        } catch (RuntimeException e) {
            int rate = 100 * applied / task.requests().size();
            PurgeTask failed =
                    task.with(TaskState.FAILED, now(), rate, List.of(new NodeProgress(node, seq, false)), e.toString());
            store.save(failed);
            notifyDone(failed);
            throw e;
        }
        return task.with(TaskState.FINISHED, now(), 100, List.of(new NodeProgress(node, seq, true)), null);
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
