package dev.sluice.purge.task;

import dev.sluice.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets purge tasks older than the retention (30 days by default), as the vendors clean up old
 * purge records: the node runs {@link #sweep()} on a schedule. Age is measured from submission on the
 * injected clock. Records about the tasks kept elsewhere (the webhook delivery log) are forgotten
 * with them, by the time they were written.
 */
public final class TaskRetention {

    /** How long tasks are kept unless configured otherwise. */
    public static final Duration DEFAULT = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(TaskRetention.class);

    private final PurgeTaskStore store;
    private final Clock clock;
    private final Duration keep;
    private final ToIntFunction<Instant> alsoBefore;

    public TaskRetention(PurgeTaskStore store, Clock clock, Duration keep) {
        this(store, clock, keep, cutoff -> 0);
    }

    /**
     * @param alsoBefore deletes other records older than the cutoff (the webhook delivery log) and
     *     returns how many
     */
    public TaskRetention(PurgeTaskStore store, Clock clock, Duration keep, ToIntFunction<Instant> alsoBefore) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention: %s (expected: > 0)".formatted(keep));
        }
        this.store = store;
        this.clock = clock;
        this.keep = keep;
        this.alsoBefore = alsoBefore;
    }

    /** Deletes tasks and other records older than the retention; returns how many tasks. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(keep);
        int deleted = store.deleteBefore(cutoff);
        int others = alsoBefore.applyAsInt(cutoff);
        if (deleted > 0 || others > 0) {
            log.info("forgot {} purge task(s) and {} other record(s) from before {}", deleted, others, cutoff);
        }
        return deleted;
    }
}
