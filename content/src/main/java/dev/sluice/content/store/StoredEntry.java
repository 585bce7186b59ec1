package dev.sluice.content.store;

import dev.sluice.content.Revision;

/**
 * An entry's state with its current revision, as read in one query.
 *
 * @param state the entry row
 * @param current the revision numbered {@link EntryState#currentRevision()}
 */
public record StoredEntry(EntryState state, Revision current) {}
