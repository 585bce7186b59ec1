package dev.sluice.content;

/**
 * The state of one path of a site: Quant's {@code meta}.
 *
 * @param url the URL as first pushed (e.g. {@code /blog/index.html}), returned by global-meta
 * @param canonicalPath the canonical key (see {@link ContentPaths#canonical})
 * @param type the type of the latest revision
 * @param seqNum a site-wide sequence number bumped on every change of this entry
 * @param published whether a revision is live
 * @param publishedRevision the live revision number (the last live one when unpublished), 0 if none
 * @param publishedMd5 MD5 of the published revision, "" if none
 * @param byteLength size of the published (or latest) revision
 * @param revisionCount number of revisions
 * @param highestRevisionNumber the highest revision number
 * @param deleted whether all revisions were deleted
 * @param deletedTimestamp when they were, epoch seconds, or 0
 * @param lastModifiedEpochSeconds when the entry last changed
 * @param current the published revision, or the latest when none is published
 */
public record Entry(
        String url,
        String canonicalPath,
        EntryType type,
        long seqNum,
        boolean published,
        int publishedRevision,
        String publishedMd5,
        long byteLength,
        int revisionCount,
        int highestRevisionNumber,
        boolean deleted,
        long deletedTimestamp,
        long lastModifiedEpochSeconds,
        Revision current) {}
