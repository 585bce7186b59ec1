package dev.sluice.cache;

import java.util.function.Predicate;

/**
 * A purge by predicate on the entry (its target for prefix, glob, regex; its variant too for a
 * header-selected exact purge), pending until the sweeper has checked
 * every object stored before it.
 *
 * @param seq the purge log sequence
 * @param target which entries it purges
 * @param description how it reads in logs
 * @param mode HARD or SOFT
 * @param nanos when it was applied, on the store's clock
 */
record PurgeRule(long seq, Predicate<CacheEntry> target, String description, PurgeMode mode, long nanos) {

    /** The verdict for an entry: HARD, the stale-at nanos, or NONE. */
    long verdict(CacheEntry e) {
        if (!target.test(e)) {
            return PurgeMarks.NONE;
        }
        return mode == PurgeMode.HARD ? PurgeMarks.HARD : nanos;
    }
}
