package dev.sluice.cache;

import java.util.Iterator;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Walks the cache in passes, a budget of entries per call: brings each entry's purge state up to
 * date, removes what is purged HARD or past every window plus the keep time, and when a pass ends
 * retires the purges that every entry has now been checked past.
 *
 * <p>Design notes. A pass starts by reading the applied sequence, then iterates the map (weakly
 * consistent: every entry present for the whole pass is visited once). Visited entries move their
 * watermark to at least the pass start, and fills during the pass start at or above it, so at the
 * end every entry is past the start except a fill that raced the pass start, which the floor
 * catches. One sweeper runs at a time (the owner's executor); lookups run concurrently.
 */
final class Sweeper {

    private final ConcurrentMap<CacheKey, CacheEntry> map;
    private final PurgeState purges;
    private final Removals removals;
    private @Nullable Iterator<CacheEntry> cursor;
    private long passStart;

    Sweeper(ConcurrentMap<CacheKey, CacheEntry> map, PurgeState purges, Removals removals) {
        this.map = map;
        this.purges = purges;
        this.removals = removals;
    }

    synchronized SweepResult sweep(int budget, long now) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget: %s (expected: > 0)".formatted(budget));
        }
        Iterator<CacheEntry> it = cursor;
        if (it == null) {
            passStart = purges.appliedSeq();
            it = map.values().iterator();
            cursor = it;
        }
        int visited = 0;
        int removed = 0;
        while (visited < budget && it.hasNext()) {
            visited++;
            if (!keep(it.next(), now)) {
                removed++;
            }
        }
        if (it.hasNext()) {
            return new SweepResult(visited, removed, false, 0);
        }
        cursor = null;
        return new SweepResult(visited, removed, true, purges.retire(passStart));
    }

    private boolean keep(CacheEntry e, long now) {
        if (!purges.check(e, true)) {
            removals.purged(e);
            return false;
        }
        if (now >= Lifetimes.add(Lifetimes.unusableAt(e.response, e.softStaleAt()), removals.keepNanos())) {
            removals.expired(e);
            return false;
        }
        return true;
    }

    /** How the sweeper removes entries, counted by the store. */
    interface Removals {
        void purged(CacheEntry e);

        void expired(CacheEntry e);

        long keepNanos();
    }
}
