package dev.sluice.cache;

/**
 * What one {@link MemoryCacheStore#sweep} call did.
 *
 * @param visited entries checked
 * @param removed entries removed (purged HARD, or past every window and the keep time)
 * @param passCompleted whether this call finished a pass over the whole cache
 * @param rulesRetired pending purge rules retired at the end of the pass
 */
public record SweepResult(int visited, int removed, boolean passCompleted, int rulesRetired) {}
