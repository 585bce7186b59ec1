package dev.sluice.content;

/** Whether a content change purges its path from the edge in the same transaction. */
public enum EdgePurge {
    /** The change and the purge of its path commit together: the default. */
    PURGE,
    /** The client asked to keep the edge's copy ({@code Quant-Skip-Purge}). */
    SKIP
}
