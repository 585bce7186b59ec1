package dev.sluice.content.store;

import dev.sluice.content.Revision;

/**
 * The state changes of an entry, as pure functions of its state: each takes the site sequence
 * number and time of the change. Revision numbers only grow, so a number never names two bodies.
 */
final class EntryTransitions {

    private EntryTransitions() {}

    /** A new entry whose first revision is {@code revision}. */
    static EntryState created(String url, String canonicalPath, Revision revision, boolean publish, long seq) {
        int number = revision.number();
        return new EntryState(
                0,
                url,
                canonicalPath,
                revision.type(),
                seq,
                publish,
                publish ? number : 0,
                number,
                number,
                number,
                false,
                0,
                revision.dateTimestamp());
    }

    /**
     * {@code revision} added to an existing entry. After a delete the entry starts again: the
     * pushed URL is kept and only the new revision exists.
     */
    static EntryState pushed(EntryState s, String url, Revision revision, boolean publish, long seq) {
        if (s.deleted()) {
            EntryState fresh = created(url, s.canonicalPath(), revision, publish, seq);
            return withId(fresh, s.id());
        }
        int number = revision.number();
        boolean live = publish || s.live();
        int published = publish ? number : s.publishedRevision();
        return new EntryState(
                s.id(),
                s.url(),
                s.canonicalPath(),
                revision.type(),
                seq,
                live,
                published,
                live ? published : number,
                s.firstRevision(),
                number,
                false,
                0,
                revision.dateTimestamp());
    }

    /** Taken offline: the latest revision becomes current; the last live one is remembered. */
    static EntryState unpublished(EntryState s, long seq, long now) {
        return new EntryState(
                s.id(),
                s.url(),
                s.canonicalPath(),
                s.type(),
                seq,
                false,
                s.publishedRevision(),
                s.highestRevision(),
                s.firstRevision(),
                s.highestRevision(),
                false,
                0,
                now);
    }

    /** Revision {@code number} made live. */
    static EntryState published(EntryState s, int number, long seq, long now) {
        return new EntryState(
                s.id(),
                s.url(),
                s.canonicalPath(),
                s.type(),
                seq,
                true,
                number,
                number,
                s.firstRevision(),
                s.highestRevision(),
                false,
                0,
                now);
    }

    /** Every revision deleted; the latest stays current so replies can describe what was deleted. */
    static EntryState deleted(EntryState s, long seq, long now) {
        return new EntryState(
                s.id(),
                s.url(),
                s.canonicalPath(),
                s.type(),
                seq,
                false,
                0,
                s.highestRevision(),
                s.highestRevision() + 1,
                s.highestRevision(),
                true,
                now,
                now);
    }

    private static EntryState withId(EntryState s, long id) {
        return new EntryState(
                id,
                s.url(),
                s.canonicalPath(),
                s.type(),
                s.seqNum(),
                s.live(),
                s.publishedRevision(),
                s.currentRevision(),
                s.firstRevision(),
                s.highestRevision(),
                s.deleted(),
                s.deletedTimestamp(),
                s.lastModified());
    }
}
