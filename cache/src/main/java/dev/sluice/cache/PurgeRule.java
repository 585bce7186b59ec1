package dev.sluice.cache;

import java.util.function.Predicate;

/**
 * A purge by predicate on the target (prefix, glob, regex), pending until the sweeper has checked
 * every object stored before it.
 *
 * @param seq the purge log sequence
 * @param target which targets it purges
 * @param description how it reads in logs
 * @param mode HARD or SOFT
 * @param nanos when it was applied, on the store's clock
 */
record PurgeRule(long seq, Predicate<String> target, String description, PurgeMode mode, long nanos) {

    /** The verdict for a target: HARD, the stale-at nanos, or NONE. */
    long verdict(String t) {
        if (!target.test(t)) {
            return PurgeMarks.NONE;
        }
        return mode == PurgeMode.HARD ? PurgeMarks.HARD : nanos;
    }
}
