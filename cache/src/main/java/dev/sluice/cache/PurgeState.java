package dev.sluice.cache;

import dev.sluice.core.SiteId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The purge state of a store: per-site state, the applied sequence, and the retirement floor.
 *
 * <p>Design notes. Purges are applied one at a time under {@code applyLock}, in sequence order: a
 * primitive with a sequence below the applied one was applied before and is skipped; one equal to
 * it is re-applied harmlessly (one command may carry several matchers under one sequence). A purge
 * writes its site's state, then the site's {@code lastSeq}, then {@code appliedSeq}: a reader that
 * reads {@code appliedSeq} first and then the site sees everything up to it.
 *
 * <p>An entry is checked against its site only when the site had a purge newer than the entry's
 * watermark (the fast path of every hit is two volatile reads). The floor is the sequence every
 * entry was checked past at the last completed sweep pass; the marks and rules at or below it are
 * retired. A reset ({@link #resetTo}) purges every entry filled before it in one volatile write.
 * An entry whose watermark is still below the floor slipped past the sweep (its fill raced
 * the pass) and may have missed a retired purge, so it is treated as purged HARD. The floor is read
 * after the site's state, and raised before anything is retired.
 */
final class PurgeState {

    private final int maxRulesPerSite;
    private final Map<SiteId, SitePurgeState> sites = new ConcurrentHashMap<>();
    private final AtomicLong appliedSeq = new AtomicLong();
    private final Object applyLock = new Object();
    private volatile long floor;
    private volatile long resetBelow;

    PurgeState(int maxRulesPerSite) {
        this.maxRulesPerSite = maxRulesPerSite;
    }

    long appliedSeq() {
        return appliedSeq.get();
    }

    /** Applies one purge primitive to a site's state, unless its sequence is behind. */
    boolean apply(SiteId site, long seq, PurgeAction action) {
        if (seq <= 0) {
            throw new IllegalArgumentException("seq: %s (expected: > 0)".formatted(seq));
        }
        synchronized (applyLock) {
            if (seq < appliedSeq.get()) {
                return false;
            }
            action.apply(sites.computeIfAbsent(site, s -> new SitePurgeState(maxRulesPerSite)));
            appliedSeq.set(seq);
            return true;
        }
    }

    /** Counts every entry filled under a token below {@code seq} as purged, and moves to {@code seq}. */
    void resetTo(long seq) {
        synchronized (applyLock) {
            if (seq > appliedSeq.get()) {
                resetBelow = seq;
                appliedSeq.set(seq);
            }
        }
    }

    /**
     * Brings the entry's purge state up to date.
     *
     * @param advance whether to move the watermark even when nothing of its site changed (the
     *     sweeper and fills do, so a completed pass leaves every entry at or above its start)
     * @return false when the entry is purged HARD
     */
    boolean check(CacheEntry e, boolean advance) {
        if (e.isPurged() || e.fillToken < resetBelow) {
            return false;
        }
        long upTo = appliedSeq.get();
        long checked = e.checkedSeq();
        SitePurgeState s = sites.get(e.key.site());
        if (s == null || checked >= s.lastSeq()) {
            return !advance || e.record(PurgeMarks.NONE, upTo);
        }
        long verdict = s.verdict(e, checked, upTo);
        if (checked < floor) {
            verdict = PurgeMarks.HARD;
        }
        return e.record(verdict, upTo);
    }

    /** Retires what a completed sweep pass started at {@code passStart} has checked every entry past. */
    int retire(long passStart) {
        synchronized (applyLock) {
            if (passStart <= floor) {
                return 0;
            }
            floor = passStart;
            int retired = 0;
            for (SitePurgeState s : sites.values()) {
                retired += s.retire(passStart);
            }
            return retired;
        }
    }

    @Nullable
    SitePurgeState site(SiteId site) {
        return sites.get(site);
    }

    long pendingRules() {
        return sites.values().stream().mapToLong(SitePurgeState::pendingRules).sum();
    }

    long foldedRules() {
        return sites.values().stream().mapToLong(SitePurgeState::foldedRules).sum();
    }

    long marks() {
        return sites.values().stream().mapToLong(SitePurgeState::markCount).sum();
    }

    /** A change to one site's purge state. */
    @FunctionalInterface
    interface PurgeAction {
        void apply(SitePurgeState site);
    }
}
