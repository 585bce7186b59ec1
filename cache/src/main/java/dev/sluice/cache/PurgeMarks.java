package dev.sluice.cache;

import java.util.Arrays;

/**
 * The purges recorded against one scope (a site, a tag, a key, or a floor of folded rules), as an
 * immutable value replaced on every change.
 *
 * <p>Design notes. A verdict compares the scope's purges with the sequence an object is known clean
 * up to: a HARD purge newer than that makes it {@link #HARD}; otherwise the earliest SOFT purge newer
 * than it gives the instant (clock nanos) the object went stale; else {@link #NONE}. Verdicts combine
 * by {@code min}, which is why HARD is {@code Long.MIN_VALUE} and NONE is {@code Long.MAX_VALUE}.
 *
 * <p>Only the newest HARD sequence matters. SOFT purges keep their times, at most {@link #MAX_SOFT}
 * of them: past that the two oldest merge into one with the later sequence and the earlier time,
 * which can only make an object stale earlier, never later (conservative, and bounded).
 */
final class PurgeMarks {

    /** The verdict of a HARD purge: evict. */
    static final long HARD = Long.MIN_VALUE;

    /** The verdict when nothing applies. */
    static final long NONE = Long.MAX_VALUE;

    static final PurgeMarks EMPTY = new PurgeMarks(0, new long[0], new long[0]);

    private static final int MAX_SOFT = 8;

    private final long hardSeq;
    // Ascending by sequence; all greater than hardSeq (older soft marks are dominated by the hard one).
    private final long[] softSeqs;
    private final long[] softNanos;

    private PurgeMarks(long hardSeq, long[] softSeqs, long[] softNanos) {
        this.hardSeq = hardSeq;
        this.softSeqs = softSeqs;
        this.softNanos = softNanos;
    }

    /** HARD, the stale-at nanos, or NONE for an object known clean up to {@code cleanSeq}. */
    long verdict(long cleanSeq) {
        if (hardSeq > cleanSeq) {
            return HARD;
        }
        long v = NONE;
        for (int i = softSeqs.length - 1; i >= 0 && softSeqs[i] > cleanSeq; i--) {
            v = Math.min(v, softNanos[i]);
        }
        return v;
    }

    /** These marks plus one purge; re-applying a purge already recorded changes nothing. */
    PurgeMarks with(PurgeMode mode, long seq, long nanos) {
        if (mode == PurgeMode.HARD) {
            return seq <= hardSeq ? this : new PurgeMarks(seq, softSeqs, softNanos).prunedTo(0);
        }
        if (seq <= hardSeq || Arrays.binarySearch(softSeqs, seq) >= 0) {
            return this;
        }
        int at = -Arrays.binarySearch(softSeqs, seq) - 1;
        long[] seqs = insert(softSeqs, at, seq);
        long[] times = insert(softNanos, at, nanos);
        return seqs.length > MAX_SOFT ? mergeOldest(seqs, times) : new PurgeMarks(hardSeq, seqs, times);
    }

    /** These marks without purges at or below the floor (every object has been checked past them). */
    PurgeMarks prunedTo(long floor) {
        long hard = hardSeq > floor ? hardSeq : 0;
        long keepAbove = Math.max(floor, hard);
        int from = 0;
        while (from < softSeqs.length && softSeqs[from] <= keepAbove) {
            from++;
        }
        if (hard == hardSeq && from == 0) {
            return this;
        }
        return new PurgeMarks(
                hard,
                Arrays.copyOfRange(softSeqs, from, softSeqs.length),
                Arrays.copyOfRange(softNanos, from, softNanos.length));
    }

    boolean isEmpty() {
        return hardSeq == 0 && softSeqs.length == 0;
    }

    private PurgeMarks mergeOldest(long[] seqs, long[] times) {
        long[] s = Arrays.copyOfRange(seqs, 1, seqs.length);
        long[] t = Arrays.copyOfRange(times, 1, times.length);
        t[0] = Math.min(times[0], times[1]);
        return new PurgeMarks(hardSeq, s, t);
    }

    private static long[] insert(long[] a, int at, long v) {
        long[] out = new long[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = v;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }

    @Override
    public String toString() {
        return "PurgeMarks[hard=" + hardSeq + ", soft=" + Arrays.toString(softSeqs) + "]";
    }
}
