package dev.sluice.content.store;

import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentPush;
import dev.sluice.content.ContentReader;
import dev.sluice.content.ContentService;
import dev.sluice.content.EdgePurge;
import dev.sluice.content.Entry;
import dev.sluice.content.MetaPage;
import dev.sluice.content.MetaQuery;
import dev.sluice.content.Published;
import dev.sluice.content.PushResult;
import dev.sluice.content.Revision;
import dev.sluice.content.blob.BlobStore;
import dev.sluice.content.blob.StoredBlob;
import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Quant content model over a {@link ContentRepository} and a {@link BlobStore}.
 *
 * <p>Design notes. A push stores its body first (streamed, fsynced, content-addressed), then records
 * the revision and moves the entry in one repository transaction; a crash between the two leaves at
 * most an unreferenced blob, never a revision without its bytes. Revisions are immutable and their
 * numbers only grow; publishing, unpublishing and deleting move pointers on the entry. Every change
 * takes the site's next sequence number, so ordering by it is the order of changes. A push whose body
 * equals the live revision's (same type and MD5) records nothing and reports {@code unchanged}.
 * Every change purges its path in the same transaction ({@link ContentTransaction#purge}), so a
 * change is never live while the edge keeps the old copy fresh.
 */
public final class StoreContentService implements ContentService, ContentReader {

    /** The largest global-meta page served; larger requests get pages of this size. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final ContentRepository repository;
    private final boolean allowInternalProxies;
    private final BlobStore blobs;
    private final PushRecorder pushes;
    private final Clock clock;

    /** A service that accepts Quant proxies to any address: for tests and trusted single users. */
    public StoreContentService(ContentRepository repository, BlobStore blobs, Clock clock) {
        this(repository, blobs, clock, true);
    }

    /**
     * @param allowInternalProxies whether Quant proxies may point at loopback, link-local or private
     *     addresses (false for a node serving several tenants)
     */
    public StoreContentService(
            ContentRepository repository, BlobStore blobs, Clock clock, boolean allowInternalProxies) {
        this.allowInternalProxies = allowInternalProxies;
        this.repository = repository;
        this.blobs = blobs;
        this.pushes = new PushRecorder(blobs);
        this.clock = clock;
    }

    @Override
    public PushResult push(SiteId site, ContentPush push, EdgePurge purge) {
        // Lower-cased as quant-cli 1.12 compares global-meta URLs with its lower-cased file list;
        // the /index.html form is kept (§1.6).
        String url = ContentPaths.validated(push.url()).toLowerCase(Locale.ROOT);
        String key = ContentPaths.canonical(push.url());
        RevisionFactory.validate(push, allowInternalProxies);
        StoredBlob blob = pushes.storeBody(push);
        PushRecorder.PathKey path = new PushRecorder.PathKey(url, key);
        return repository.write(tx -> {
            PushResult result = pushes.record(tx, site, path, push, blob, now());
            if (!result.unchanged() && purge == EdgePurge.PURGE) {
                tx.purge(site, key);
            }
            return result;
        });
    }

    @Override
    public Entry entry(SiteId site, String url) {
        String key = ContentPaths.canonical(url);
        return repository.read(q -> EntryViews.entry(PushRecorder.existing(q, site, key)));
    }

    @Override
    public Revision revision(SiteId site, String url, String selector) {
        String key = ContentPaths.canonical(url);
        return repository.read(q -> {
            StoredEntry stored = PushRecorder.existing(q, site, key);
            int number = RevisionSelectors.number(stored.state(), selector);
            Revision revision = q.revision(stored.state().id(), number);
            if (revision == null) {
                throw SluiceException.notFound("Revision not found");
            }
            return revision;
        });
    }

    @Override
    public List<Revision> revisions(SiteId site, String url) {
        String key = ContentPaths.canonical(url);
        return repository.read(q -> {
            EntryState s = PushRecorder.existing(q, site, key).state();
            return s.deleted() ? List.of() : q.revisions(s.id(), s.firstRevision(), s.highestRevision());
        });
    }

    @Override
    public MetaPage globalMeta(SiteId site, MetaQuery query) {
        if (query.page() < 1) {
            throw SluiceException.badRequest("page: %d (expected: >= 1)".formatted(query.page()));
        }
        if (query.pageSize() < 1) {
            throw SluiceException.badRequest("page_size: %d (expected: >= 1)".formatted(query.pageSize()));
        }
        int pageSize = Math.min(query.pageSize(), MAX_PAGE_SIZE);
        MetaQuery bounded = new MetaQuery(
                query.type(), query.published(), query.deleted(), query.page(), pageSize, query.newestFirst());
        StoredPage page = repository.read(q -> q.page(site, bounded));
        List<Entry> entries = page.entries().stream().map(EntryViews::entry).toList();
        return new MetaPage(entries, page.totalRecords(), query.page(), pageSize);
    }

    @Override
    public List<Entry> urlMeta(SiteId site, List<String> urls) {
        List<String> keys = urls.stream().map(ContentPaths::canonical).toList();
        return repository.read(q -> {
            List<Entry> found = new ArrayList<>();
            for (String key : keys) {
                StoredEntry stored = q.entry(site, key);
                if (stored != null) {
                    found.add(EntryViews.entry(stored));
                }
            }
            return found;
        });
    }

    @Override
    public Entry unpublish(SiteId site, String url) {
        return change(site, url, (tx, s) -> {
            if (!s.live()) {
                throw new SluiceException(ErrorKind.CONFLICT, "Resource is already unpublished.");
            }
            return EntryTransitions.unpublished(s, tx.nextSeq(site), now());
        });
    }

    @Override
    public Entry publish(SiteId site, String url, int revision) {
        return change(site, url, (tx, s) -> {
            if (!s.hasRevision(revision)) {
                throw SluiceException.notFound("Revision not found");
            }
            boolean inEffect = s.live() && s.publishedRevision() == revision;
            return inEffect ? null : EntryTransitions.published(s, revision, tx.nextSeq(site), now());
        });
    }

    @Override
    public Entry deleteAll(SiteId site, String url) {
        return change(site, url, (tx, s) -> s.deleted() ? null : EntryTransitions.deleted(s, tx.nextSeq(site), now()));
    }

    @Override
    public @Nullable Published published(SiteId site, String canonicalPath) {
        LiveRevision live = repository.read(q -> q.live(site, canonicalPath));
        return live == null ? null : EntryViews.published(live);
    }

    @Override
    public InputStream openBlob(String md5) throws IOException {
        return blobs.open(md5);
    }

    /**
     * Applies a state change to an existing entry and purges its path, in one transaction; a null next
     * state means it is already in effect (purged all the same: the client asked for this state).
     */
    private Entry change(SiteId site, String url, Change change) {
        String key = ContentPaths.canonical(url);
        return repository.write(tx -> {
            StoredEntry stored = PushRecorder.existing(tx, site, key);
            EntryState next = change.apply(tx, stored.state());
            tx.purge(site, key);
            if (next == null) {
                return EntryViews.entry(stored);
            }
            tx.updateEntry(next);
            return EntryViews.entry(PushRecorder.existing(tx, site, key));
        });
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @FunctionalInterface
    private interface Change {
        @Nullable
        EntryState apply(ContentTransaction tx, EntryState state);
    }
}
