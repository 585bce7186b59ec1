package dev.sluice.persistence;

import static dev.sluice.persistence.Pushes.content;
import static dev.sluice.persistence.Pushes.file;
import static dev.sluice.persistence.Pushes.redirect;
import static dev.sluice.persistence.StoreTestBase.SITE;
import static dev.sluice.persistence.StoreTestBase.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.content.ContentService;
import dev.sluice.content.Entry;
import dev.sluice.content.EntryType;
import dev.sluice.content.MetaPage;
import dev.sluice.content.MetaQuery;
import dev.sluice.core.ErrorKind;
import dev.sluice.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Read-only queries over one store filled once (every change is an fsync: filling takes a while). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalMetaTest {

    private static final int ENTRIES = 250;

    @TempDir
    static Path dataDir;

    final ManualClock clock = new ManualClock();
    private Store store;
    private ContentService content;

    @AfterAll
    void closeStore() throws IOException {
        store.close();
    }

    /** Opens the store under test. */
    Store open(ManualClock clock) throws IOException {
        return EmbeddedStore.open(dataDir, clock, 1024);
    }

    /** 250 entries: files, redirects and pages; some unpublished, some deleted. */
    @BeforeAll
    void fill() throws IOException {
        store = open(clock);
        content = store.contentService();
        for (int i = 0; i < ENTRIES; i++) {
            String url = "/p" + i + (i % 2 == 0 ? "/index.html" : "");
            if (i % 5 == 0) {
                content.push(SITE, file(path(i), "file " + i, Map.of()));
            } else if (i % 7 == 0) {
                content.push(SITE, redirect(url, "/to/" + i, 301));
            } else {
                content.push(SITE, content(url, "page " + i));
            }
            clock.advance(Duration.ofSeconds(1));
        }
        for (int i = 0; i < ENTRIES; i += 3) {
            content.unpublish(SITE, path(i));
        }
        for (int i = 0; i < ENTRIES; i += 10) {
            content.deleteAll(SITE, path(i));
        }
    }

    @Test
    void pagesCoverEveryEntryOnceNewestFirst() {
        List<Entry> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            MetaPage result = content.globalMeta(SITE, new MetaQuery(null, null, null, page, 100, true));
            assertThat(result.totalRecords()).isEqualTo(ENTRIES);
            assertThat(result.totalPages()).isEqualTo(3);
            assertThat(result.entries()).hasSize(page == 3 ? 50 : 100);
            seen.addAll(result.entries());
        }
        assertThat(seen)
                .isSortedAccordingTo(Comparator.comparingLong(Entry::seqNum).reversed());
        assertThat(seen)
                .extracting(Entry::canonicalPath)
                .doesNotHaveDuplicates()
                .hasSize(ENTRIES);
        assertThat(seen.getFirst().seqNum()).isEqualTo(ENTRIES + 84 + 25);
    }

    @Test
    void oldestFirstIsTheReverseOrder() {
        MetaPage newest = content.globalMeta(SITE, new MetaQuery(null, null, null, 1, 500, true));
        MetaPage oldest = content.globalMeta(SITE, new MetaQuery(null, null, null, 1, 500, false));

        assertThat(oldest.entries()).containsExactlyElementsOf(newest.entries().reversed());
        assertThat(oldest.entries().getFirst().url()).isEqualTo("/p1");
    }

    @Test
    void filtersMatchABruteForceScan() {
        List<Entry> all = content.globalMeta(SITE, new MetaQuery(null, null, null, 1, 1000, true))
                .entries();

        assertFilter(all, new MetaQuery(null, true, false, 1, 500, true), e -> e.published() && !e.deleted());
        assertFilter(all, new MetaQuery(null, null, true, 1, 500, true), Entry::deleted);
        assertFilter(all, new MetaQuery(EntryType.FILE, null, null, 1, 500, true), e -> e.type() == EntryType.FILE);
        assertFilter(
                all,
                new MetaQuery(EntryType.REDIRECT, false, null, 1, 500, false),
                e -> e.type() == EntryType.REDIRECT && !e.published());
    }

    @Test
    void urlsComeBackAsPushed() {
        MetaPage published = content.globalMeta(SITE, new MetaQuery(EntryType.CONTENT, true, false, 1, 500, true));

        assertThat(published.entries()).extracting(Entry::url).contains("/p2/index.html", "/p1");
        assertThat(published.entries())
                .allSatisfy(
                        e -> assertThat(e.publishedMd5()).isEqualTo(e.current().md5()));
    }

    @Test
    void pagePastTheEndIsEmptyAndSizesAreBounded() {
        MetaPage past = content.globalMeta(SITE, new MetaQuery(null, null, null, 9, 100, true));
        assertThat(past.entries()).isEmpty();
        assertThat(past.totalRecords()).isEqualTo(ENTRIES);

        assertThat(content.globalMeta(SITE, new MetaQuery(null, null, null, 1, 5000, true))
                        .pageSize())
                .isEqualTo(1000);
        assertFails(
                () -> content.globalMeta(SITE, new MetaQuery(null, null, null, 0, 10, true)),
                ErrorKind.BAD_REQUEST,
                "page: 0 (expected: >= 1)");
        assertFails(
                () -> content.globalMeta(SITE, new MetaQuery(null, null, null, 1, 0, true)),
                ErrorKind.BAD_REQUEST,
                "page_size: 0 (expected: >= 1)");
    }

    @Test
    void urlMetaReturnsTheKnownUrlsInTheOrderAsked() {
        List<Entry> found = content.urlMeta(SITE, List.of("/p3", "/missing", "/p1/", "/P4/index.html"));

        assertThat(found).extracting(Entry::canonicalPath).containsExactly("/p3", "/p1", "/p4");
    }

    private void assertFilter(List<Entry> all, MetaQuery query, Predicate<Entry> expected) {
        List<Entry> want = all.stream().filter(expected).toList();
        List<Entry> got = content.globalMeta(SITE, query).entries();
        assertThat(want).isNotEmpty();
        assertThat(got).containsExactlyElementsOf(query.newestFirst() ? want : want.reversed());
        assertThat(content.globalMeta(SITE, query).totalRecords()).isEqualTo(want.size());
    }

    private static String path(int i) {
        return "/p" + i + (i % 5 == 0 ? ".bin" : "");
    }
}
