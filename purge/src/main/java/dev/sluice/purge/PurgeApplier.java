package dev.sluice.purge;

import dev.sluice.cache.CacheStore;
import dev.sluice.core.SluiceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies purge commands to one node's cache, in sequence order, idempotently by sequence.
 *
 * <p>Design notes. The applier starts from the store's applied sequence and skips commands at or
 * below what it has applied. A command past the next expected one means news was lost (a transport
 * gap): {@link #accept} then reads what it missed from the log first. A matcher that no longer
 * compiles (the log holds only validated requests, so this means a bug or a changed validator) purges
 * the whole site instead: over-purging costs origin traffic, under-purging serves stale content.
 * One thread applies at a time; callers on several threads are serialised here.
 */
public final class PurgeApplier {

    private static final Logger log = LoggerFactory.getLogger(PurgeApplier.class);
    private static final int CATCH_UP_BATCH = 500;

    private final CacheStore store;
    private long applied;

    public PurgeApplier(CacheStore store) {
        this.store = store;
        this.applied = store.appliedSeq();
    }

    /** The highest sequence applied. */
    public synchronized long appliedSeq() {
        return applied;
    }

    /**
     * Applies one command unless it was applied before.
     *
     * @return whether it was applied now
     */
    public synchronized boolean apply(PurgeCommand command) {
        if (command.seq() <= applied) {
            return false;
        }
        PurgeRequest r = command.request();
        for (Matcher m : r.matchers()) {
            compileOrWholeSite(command, m).apply(store, r.site(), r.mode(), command.seq());
        }
        applied = command.seq();
        return true;
    }

    /** Applies a command announced by a transport, catching up from the log first on a gap. */
    public synchronized void accept(PurgeCommand command, PurgeLog purgeLog) {
        if (command.seq() > applied + 1) {
            catchUp(purgeLog);
        }
        apply(command);
    }

    /** Applies every command in the log after the applied sequence; returns how many. */
    public synchronized int catchUp(PurgeLog purgeLog) {
        int count = 0;
        while (true) {
            List<PurgeCommand> batch = purgeLog.readAfter(applied, CATCH_UP_BATCH);
            for (PurgeCommand c : batch) {
                if (apply(c)) {
                    count++;
                }
            }
            if (batch.size() < CATCH_UP_BATCH) {
                return count;
            }
        }
    }

    private static CompiledMatcher compileOrWholeSite(PurgeCommand command, Matcher m) {
        try {
            return CompiledMatcher.compile(m);
        } catch (SluiceException e) {
            log.error(
                    "purge {} seq {}: {} no longer compiles, purging the whole site",
                    command.id(),
                    command.seq(),
                    m,
                    e);
            return CompiledMatcher.compile(new Matcher.All());
        }
    }
}
