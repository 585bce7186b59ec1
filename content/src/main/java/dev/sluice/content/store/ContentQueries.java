package dev.sluice.content.store;

import dev.sluice.content.MetaQuery;
import dev.sluice.content.Revision;
import dev.sluice.core.SiteId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The reads the content store needs from its repository. Each is one indexed query. */
public interface ContentQueries {

    /** The entry at the canonical path with its current revision, or null when there is none. */
    @Nullable
    StoredEntry entry(SiteId site, String canonicalPath);

    /** One revision of an entry, or null. */
    @Nullable
    Revision revision(long entryId, int number);

    /** The revisions numbered {@code from} to {@code to} (inclusive), oldest first. */
    List<Revision> revisions(long entryId, int from, int to);

    /**
     * A page of a site's entries filtered by the query, ordered by {@link EntryState#seqNum()}
     * (unique within a site, so the order is total and stable).
     */
    StoredPage page(SiteId site, MetaQuery query);

    /** The live revision at the canonical path, or null when nothing is live. */
    @Nullable
    LiveRevision live(SiteId site, String canonicalPath);
}
