package dev.sluice.content;

import dev.sluice.core.SiteId;
import java.util.List;

/**
 * The write and query side of content: what Quant's {@code /v1} does to a site's store. Blocking;
 * every method that changes state has made it durable (blob and record fsynced) before it returns,
 * together with the purge of the changed path (one transaction), already applied on this node.
 * Failures are {@link dev.sluice.core.SluiceException}s: NOT_FOUND for an unknown path or revision,
 * CONFLICT for a state change that is already in effect (e.g. already unpublished), BAD_REQUEST for
 * invalid input.
 */
public interface ContentService {

    /** Records a new revision and purges its path; see {@link #push(SiteId, ContentPush, EdgePurge)}. */
    default PushResult push(SiteId site, ContentPush push) {
        return push(site, push, EdgePurge.PURGE);
    }

    /**
     * Records a new revision; a push equal to the published revision is reported unchanged and
     * records nothing (its earlier change's purge is applied by then: a retry heals).
     */
    PushResult push(SiteId site, ContentPush push, EdgePurge purge);

    /** The entry at the path, or NOT_FOUND. */
    Entry entry(SiteId site, String url);

    /**
     * One revision: {@code published}, {@code first}, {@code last} (or {@code latest}), or a number.
     */
    Revision revision(SiteId site, String url, String selector);

    /** Every revision of the path, oldest first. */
    List<Revision> revisions(SiteId site, String url);

    /** A page of entries. */
    MetaPage globalMeta(SiteId site, MetaQuery query);

    /** The entries of the given URLs that exist, in the order asked. */
    List<Entry> urlMeta(SiteId site, List<String> urls);

    /** Takes the path offline; CONFLICT when it is not published. */
    Entry unpublish(SiteId site, String url);

    /** Makes an earlier (or any) revision the live one; purges the path even when it already was. */
    Entry publish(SiteId site, String url, int revision);

    /** Deletes every revision of the path; it is no longer served (purged even when already deleted). */
    Entry deleteAll(SiteId site, String url);
}
