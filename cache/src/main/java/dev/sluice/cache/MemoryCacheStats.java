package dev.sluice.cache;

/**
 * Counters of a {@link MemoryCacheStore}, for metrics.
 *
 * @param size objects held
 * @param weightedSize bytes held, as weighed against the budget
 * @param evictions objects evicted for the byte budget
 * @param expirations objects removed past every window plus the keep time
 * @param purgeRemovals objects removed because a HARD purge matched them
 * @param droppedFills responses not stored because a purge since their fill token matched them
 * @param pendingRules prefix, glob and regex rules not yet retired by the sweeper
 * @param foldedRules rules folded into whole-site purges because the rule list was full
 * @param marks tag and key purge marks held
 * @param appliedSeq the highest purge sequence applied
 */
public record MemoryCacheStats(
        long size,
        long weightedSize,
        long evictions,
        long expirations,
        long purgeRemovals,
        long droppedFills,
        long pendingRules,
        long foldedRules,
        long marks,
        long appliedSeq) {}
