package dev.sluice.content.store;

import dev.sluice.content.EntryType;

/**
 * The persisted state of one entry (one canonical path of a site), without its revisions. Revisions
 * numbered below {@link #firstRevision} were deleted; {@link #currentRevision} is what {@link
 * dev.sluice.content.Entry#current()} shows: the live revision, else the latest.
 *
 * @param id the repository's key for the entry, 0 before it is inserted
 * @param url the URL as first pushed (since the last delete)
 * @param canonicalPath the canonical key
 * @param type the type of the latest revision
 * @param seqNum the site sequence number of the entry's last change
 * @param live whether {@link #publishedRevision} is served
 * @param publishedRevision the live revision, or the last live one when unpublished, 0 if none
 * @param currentRevision the live revision when live, else the latest
 * @param firstRevision the lowest revision number not deleted
 * @param highestRevision the highest revision number ever made (numbers are never reused)
 * @param deleted whether every revision was deleted
 * @param deletedTimestamp when, epoch seconds, 0 if not deleted
 * @param lastModified the last change, epoch seconds
 */
public record EntryState(
        long id,
        String url,
        String canonicalPath,
        EntryType type,
        long seqNum,
        boolean live,
        int publishedRevision,
        int currentRevision,
        int firstRevision,
        int highestRevision,
        boolean deleted,
        long deletedTimestamp,
        long lastModified) {

    /** Revisions not deleted. */
    public int revisionCount() {
        return deleted ? 0 : highestRevision - firstRevision + 1;
    }

    /** Whether revision {@code number} exists and is not deleted. */
    public boolean hasRevision(int number) {
        return !deleted && number >= firstRevision && number <= highestRevision;
    }
}
