package dev.sluice.content.store;

import dev.sluice.content.Revision;
import dev.sluice.core.SiteId;

/** The writes of one atomic change; reads within it see its own writes. */
public interface ContentTransaction extends ContentQueries {

    /** Bumps the site's change counter and returns the new value (1 for a new site). */
    long nextSeq(SiteId site);

    /** Inserts a new entry (its {@code id} is ignored) and returns the id given to it. */
    long insertEntry(SiteId site, EntryState state);

    /** Replaces the entry row with the same id. */
    void updateEntry(EntryState state);

    /** Adds a revision to an entry; revisions are never updated. */
    void insertRevision(long entryId, Revision revision);

    /**
     * Purges the path from the edge, committed with this change (the purge log's outbox): the new
     * state and the end of the old copy are one transaction.
     */
    void purge(SiteId site, String canonicalPath);
}
