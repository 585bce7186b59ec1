package dev.sluice.content.store;

import dev.sluice.content.ContentPush;
import dev.sluice.content.EntryType;
import dev.sluice.content.PushResult;
import dev.sluice.content.Revision;
import dev.sluice.content.blob.BlobStore;
import dev.sluice.content.blob.StoredBlob;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The two steps of a push: the body into the blob store (outside any transaction: it may be large),
 * then the revision and the entry's new state in one transaction.
 */
final class PushRecorder {

    private final BlobStore blobs;

    PushRecorder(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Stores the body of a page or file; null for redirects and proxies, which have none. */
    @Nullable
    StoredBlob storeBody(ContentPush push) {
        InputStream body = push.body();
        if (!hasBody(push.type()) || body == null) {
            return null;
        }
        try {
            return blobs.write(body);
        } catch (IOException e) {
            throw new SluiceException(ErrorKind.INTERNAL, "body: not stored (%s)".formatted(e.getMessage()), e);
        }
    }

    /** Records the revision (inside the caller's transaction), unless the body equals the live one. */
    PushResult record(
            ContentTransaction tx, SiteId site, PathKey path, ContentPush push, @Nullable StoredBlob blob, long now) {
        StoredEntry existing = tx.entry(site, path.canonical());
        if (existing != null && unchanged(existing, push, blob)) {
            return new PushResult(EntryViews.entry(existing), existing.current(), true);
        }
        int number = existing == null ? 1 : existing.state().highestRevision() + 1;
        Revision revision = RevisionFactory.make(push, number, now, blob);
        long seq = tx.nextSeq(site);
        long id;
        if (existing == null) {
            id = tx.insertEntry(
                    site, EntryTransitions.created(path.url(), path.canonical(), revision, push.published(), seq));
        } else {
            EntryState next = EntryTransitions.pushed(existing.state(), path.url(), revision, push.published(), seq);
            tx.updateEntry(next);
            id = next.id();
        }
        tx.insertRevision(id, revision);
        return new PushResult(EntryViews.entry(existing(tx, site, path.canonical())), revision, false);
    }

    /** The entry at the canonical path; NOT_FOUND when there is none. */
    static StoredEntry existing(ContentQueries q, SiteId site, String canonicalPath) {
        StoredEntry stored = q.entry(site, canonicalPath);
        if (stored == null) {
            throw SluiceException.notFound("Resource not found.");
        }
        return stored;
    }

    /**
     * A push equal to the live revision: Quant's "Published version already has md5" for bodies with
     * the same headers; for redirects and proxies the same target (quant-cli 1.12 re-sends every
     * page's redirect on deploy). A push with {@code published:false} always records a revision.
     */
    private static boolean unchanged(StoredEntry existing, ContentPush push, @Nullable StoredBlob blob) {
        Revision live = existing.current();
        if (!existing.state().live() || live.type() != push.type()) {
            return false;
        }
        return switch (push.type()) {
            case CONTENT, FILE ->
                push.published()
                        && blob != null
                        && live.md5().equals(blob.md5())
                        && live.headers().equals(RevisionFactory.headers(push.headers()));
            case REDIRECT ->
                push.published()
                        && Objects.equals(live.redirectUrl(), push.redirectUrl())
                        && live.redirectCode() == push.redirectCode();
            case PROXY ->
                push.published()
                        && Objects.equals(live.proxyDestination(), push.proxyDestination())
                        && Objects.equals(live.proxyUser(), push.proxyUser())
                        && Objects.equals(live.proxyPassword(), push.proxyPassword());
        };
    }

    private static boolean hasBody(EntryType type) {
        return type == EntryType.CONTENT || type == EntryType.FILE;
    }

    /**
     * A pushed path in both forms.
     *
     * @param url as pushed (validated, with a leading slash)
     * @param canonical the entry key
     */
    record PathKey(String url, String canonical) {}
}
