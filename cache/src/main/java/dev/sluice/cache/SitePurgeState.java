package dev.sluice.cache;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The purges applied to one site: its own marks, per-tag and per-key marks, and its rule list.
 *
 * <p>Design notes.
 *
 * <ul>
 *   <li>Tags cost O(1) to purge: a per-tag {@link PurgeMarks} entry, checked against an object's fill
 *       token at lookup. A tag index (tag to keys) would make purges O(matching) and reclaim memory
 *       at once, but it taxes every fill on the hot path (index insert) and every eviction (index
 *       removal), and Drupal-style sites put dozens of tags on each object. Memory held by purged
 *       objects is reclaimed at their next lookup or by the sweeper instead.
 *   <li>Exact keys get marks too, so a fill that started before the purge and finishes after it is
 *       caught at {@code put}; the entry present at purge time is removed directly.
 *   <li>Rules form a list in sequence order, copied on write (purges are rare next to lookups). An
 *       object is evaluated only against rules newer than its watermark. Past {@code maxRules} the
 *       oldest rule is folded into {@code foldMarks}, a whole-site purge of the objects not yet
 *       checked against it, so correctness never depends on the bound.
 *   <li>Marks and rules at or below the sweeper's floor are retired: every object then in the cache
 *       has been checked past them (objects that slipped by are caught by the floor itself).
 * </ul>
 *
 * <p>Concurrency: writers (purges, retirement) hold this object's monitor and publish {@code
 * lastSeq} last; readers take no lock.
 */
final class SitePurgeState {

    private final int maxRules;
    private final Map<String, PurgeMarks> tagMarks = new ConcurrentHashMap<>();
    private final Map<String, PurgeMarks> keyMarks = new ConcurrentHashMap<>();
    private volatile PurgeMarks siteMarks = PurgeMarks.EMPTY;
    private volatile PurgeMarks foldMarks = PurgeMarks.EMPTY;
    private volatile PurgeRule[] rules = new PurgeRule[0];
    private volatile long lastSeq;
    private long foldedRules;

    SitePurgeState(int maxRules) {
        this.maxRules = maxRules;
    }

    /** The newest purge sequence applied to this site. */
    long lastSeq() {
        return lastSeq;
    }

    synchronized void purgeSite(PurgeMode mode, long seq, long nanos) {
        siteMarks = siteMarks.with(mode, seq, nanos);
        publish(seq);
    }

    synchronized void purgeTag(String tag, PurgeMode mode, long seq, long nanos) {
        tagMarks.merge(tag, PurgeMarks.EMPTY.with(mode, seq, nanos), (old, x) -> old.with(mode, seq, nanos));
        publish(seq);
    }

    synchronized void purgeKey(String target, PurgeMode mode, long seq, long nanos) {
        keyMarks.merge(target, PurgeMarks.EMPTY.with(mode, seq, nanos), (old, x) -> old.with(mode, seq, nanos));
        publish(seq);
    }

    synchronized void addRule(PurgeRule rule) {
        PurgeRule[] current = rules;
        for (PurgeRule r : current) {
            if (r.seq() == rule.seq()
                    && r.mode() == rule.mode()
                    && r.description().equals(rule.description())) {
                return;
            }
        }
        int fold = Math.max(0, current.length + 1 - maxRules);
        for (int i = 0; i < fold; i++) {
            foldMarks = foldMarks.with(current[i].mode(), current[i].seq(), current[i].nanos());
        }
        foldedRules += fold;
        PurgeRule[] next = Arrays.copyOfRange(current, fold, current.length + 1);
        next[next.length - 1] = rule;
        rules = next;
        publish(rule.seq());
    }

    /**
     * The verdict of every purge of this site on the entry: marks against its fill token, folded
     * rules against its watermark, pending rules newer than the watermark up to {@code upTo}.
     */
    long verdict(CacheEntry e, long checkedSeq, long upTo) {
        long token = e.fillToken;
        long v = Math.min(siteMarks.verdict(token), foldMarks.verdict(checkedSeq));
        v = Math.min(v, marks(keyMarks, e.key.target()).verdict(token));
        for (String tag : e.response.tags()) {
            if (v == PurgeMarks.HARD) {
                return v;
            }
            v = Math.min(v, marks(tagMarks, tag).verdict(token));
        }
        PurgeRule[] rs = rules;
        for (int i = rs.length - 1; i >= 0 && rs[i].seq() > checkedSeq && v != PurgeMarks.HARD; i--) {
            if (rs[i].seq() <= upTo) {
                v = Math.min(v, rs[i].verdict(e));
            }
        }
        return v;
    }

    /** Drops what every object has been checked past; returns the number of rules retired. */
    synchronized int retire(long floor) {
        siteMarks = siteMarks.prunedTo(floor);
        foldMarks = foldMarks.prunedTo(floor);
        prune(tagMarks, floor);
        prune(keyMarks, floor);
        PurgeRule[] current = rules;
        int retired = 0;
        while (retired < current.length && current[retired].seq() <= floor) {
            retired++;
        }
        if (retired > 0) {
            rules = Arrays.copyOfRange(current, retired, current.length);
        }
        return retired;
    }

    int pendingRules() {
        return rules.length;
    }

    synchronized long foldedRules() {
        return foldedRules;
    }

    /** Tag and key marks held. */
    long markCount() {
        return (long) tagMarks.size() + keyMarks.size();
    }

    private void publish(long seq) {
        if (seq > lastSeq) {
            lastSeq = seq;
        }
    }

    private static PurgeMarks marks(Map<String, PurgeMarks> map, String name) {
        return map.getOrDefault(name, PurgeMarks.EMPTY);
    }

    private static void prune(Map<String, PurgeMarks> map, long floor) {
        map.replaceAll((k, m) -> m.prunedTo(floor));
        map.values().removeIf(PurgeMarks::isEmpty);
    }
}
