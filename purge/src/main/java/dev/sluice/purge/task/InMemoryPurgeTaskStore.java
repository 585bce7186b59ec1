package dev.sluice.purge.task;

import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.PurgeCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/** A {@link PurgeTaskStore} in a map beside an in-memory log, for tests and tools; not durable. */
public final class InMemoryPurgeTaskStore implements PurgeTaskStore {

    private final Map<String, PurgeTask> tasks = new ConcurrentHashMap<>();
    private final InMemoryPurgeLog log;
    private final QuotaCharge.Counter quotas;

    /** A store whose tasks charge no quota (a charge is refused). */
    public InMemoryPurgeTaskStore(InMemoryPurgeLog log) {
        this(log, charge -> charge.isEmpty());
    }

    /** A store that charges quotas on the counter (e.g. an in-memory quota ledger). */
    public InMemoryPurgeTaskStore(InMemoryPurgeLog log, QuotaCharge.Counter quotas) {
        this.log = log;
        this.quotas = quotas;
    }

    @Override
    public PurgeTask record(PurgeTask task, QuotaCharge charge, LongFunction<PurgeTask> applied) {
        synchronized (log) {
            List<InMemoryPurgeLog.Draft> drafts = new ArrayList<>();
            for (int i = 0; i < task.requests().size(); i++) {
                drafts.add(new InMemoryPurgeLog.Draft(
                        task.id() + "/" + i, task.requests().get(i)));
            }
            log.checkAppendable(drafts); // first, so a task that cannot be logged spends nothing
            if (!charge.isEmpty() && !quotas.tryCharge(charge)) {
                throw charge.refusal().get();
            }
            List<PurgeCommand> commands = log.appendAll(drafts);
            PurgeTask saved = applied.apply(commands.getLast().seq());
            tasks.put(saved.id(), saved);
            return saved;
        }
    }

    @Override
    public void save(PurgeTask task) {
        tasks.put(task.id(), task);
    }

    @Override
    public @Nullable PurgeTask find(String id) {
        return tasks.get(id);
    }

    @Override
    public List<PurgeTask> list(String tenant, String dialect, Instant from, Instant to) {
        return tasks.values().stream()
                .filter(t -> t.tenant().equals(tenant) && t.dialect().equals(dialect))
                .filter(t -> !t.submittedAt().isBefore(from) && t.submittedAt().isBefore(to))
                .sorted(Comparator.comparing(PurgeTask::submittedAt).thenComparing(PurgeTask::id))
                .toList();
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        int before = tasks.size();
        tasks.values().removeIf(t -> t.submittedAt().isBefore(cutoff));
        return before - tasks.size();
    }
}
