package dev.sluice.cache;

/**
 * One stored response and its purge state.
 *
 * <p>Design notes. {@code checkedSeq} is the watermark: every purge with a sequence at or below it
 * has been applied to this entry's own state ({@code softStaleAt}, {@code purged}), so a lookup only
 * evaluates purges newer than it. It starts at the fill token and only grows; {@code softStaleAt}
 * only shrinks; {@code purged} only turns true. Writers hold the entry's monitor and write the state
 * before the watermark, so a reader that sees the watermark (a volatile read) sees the state too.
 */
final class CacheEntry {

    final CacheKey key;
    final CachedResponse response;
    /** The purge sequence observed when the fetch that produced the response started. */
    final long fillToken;

    private volatile long checkedSeq;
    private volatile long softStaleAt = PurgeMarks.NONE;
    private volatile boolean purged;

    CacheEntry(CacheKey key, CachedResponse response, long fillToken) {
        this.key = key;
        this.response = response;
        this.fillToken = fillToken;
        this.checkedSeq = fillToken;
    }

    long checkedSeq() {
        return checkedSeq;
    }

    /** When a SOFT purge made it stale (clock nanos), or {@link PurgeMarks#NONE}. */
    long softStaleAt() {
        return softStaleAt;
    }

    boolean isPurged() {
        return purged;
    }

    /**
     * Records a verdict reached for purges up to {@code upTo}.
     *
     * @return false when the entry is purged HARD
     */
    synchronized boolean record(long verdict, long upTo) {
        if (verdict == PurgeMarks.HARD) {
            purged = true;
        }
        if (purged) {
            return false;
        }
        if (verdict < softStaleAt) {
            softStaleAt = verdict;
        }
        if (upTo > checkedSeq) {
            checkedSeq = upTo;
        }
        return true;
    }
}
