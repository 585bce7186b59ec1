package dev.sluice.purge.task;

import dev.sluice.core.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets purge tasks older than the retention (30 days by default), as the vendors clean up old
 * purge records: the node runs {@link #sweep()} on a schedule. Age is measured from submission on the
 * injected clock.
 */
public final class TaskRetention {

    /** How long tasks are kept unless configured otherwise. */
    public static final Duration DEFAULT = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(TaskRetention.class);

    private final PurgeTaskStore store;
    private final Clock clock;
    private final Duration keep;

    public TaskRetention(PurgeTaskStore store, Clock clock, Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention: %s (expected: > 0)".formatted(keep));
        }
        this.store = store;
        this.clock = clock;
        this.keep = keep;
    }

    /** Deletes the tasks submitted more than the retention ago; returns how many. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(keep);
        int deleted = store.deleteBefore(cutoff);
        if (deleted > 0) {
            log.info("forgot {} purge task(s) submitted before {}", deleted, cutoff);
        }
        return deleted;
    }
}
