package dev.sluice.persistence;

import static dev.sluice.persistence.Pushes.content;
import static dev.sluice.persistence.Pushes.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.content.Entry;
import dev.sluice.content.EntryType;
import dev.sluice.content.Published;
import dev.sluice.content.PushResult;
import dev.sluice.content.Revision;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentPushTest extends StoreTestBase {

    @Test
    void firstPushPublishesRevisionOne() throws IOException {
        PushResult result = content.push(SITE, content("/blog/index.html", "<h1>hi</h1>"));

        Entry entry = result.entry();
        assertThat(result.unchanged()).isFalse();
        assertThat(entry.url()).isEqualTo("/blog/index.html");
        assertThat(entry.canonicalPath()).isEqualTo("/blog");
        assertThat(entry.type()).isEqualTo(EntryType.CONTENT);
        assertThat(entry.seqNum()).isEqualTo(1);
        assertThat(entry.published()).isTrue();
        assertThat(entry.publishedRevision()).isEqualTo(1);
        assertThat(entry.publishedMd5())
                .isEqualTo(result.revision().md5())
                .isEqualTo(entry.current().md5());
        assertThat(entry.byteLength()).isEqualTo(11);
        assertThat(entry.revisionCount()).isEqualTo(1);
        assertThat(entry.highestRevisionNumber()).isEqualTo(1);
        assertThat(entry.lastModifiedEpochSeconds()).isEqualTo(START);
        assertThat(result.revision().dateTimestamp()).isEqualTo(START);
        assertThat(blob(entry.publishedMd5())).isEqualTo("<h1>hi</h1>");
        assertThat(reader.published(SITE, "/blog"))
                .isEqualTo(new Published.Page(entry.publishedMd5(), 11, "text/html; charset=utf-8", Map.of(), START));
    }

    @Test
    void newRevisionReplacesTheLiveOneAndKeepsHistory() {
        content.push(SITE, content("/a", "one"));
        clock.advance(Duration.ofSeconds(10));
        PushResult second = content.push(SITE, content("/a", "two"));

        assertThat(second.revision().number()).isEqualTo(2);
        assertThat(second.entry().seqNum()).isEqualTo(2);
        assertThat(second.entry().lastModifiedEpochSeconds()).isEqualTo(START + 10);
        assertThat(content.revisions(SITE, "/a")).extracting(Revision::number).containsExactly(1, 2);
        assertThat(content.revision(SITE, "/a", "published").number()).isEqualTo(2);
        assertThat(content.revision(SITE, "/a", "first").number()).isEqualTo(1);
        assertThat(content.revision(SITE, "/a", "latest").md5())
                .isEqualTo(second.revision().md5());
        assertThat(content.revision(SITE, "/a", "1").byteLength()).isEqualTo(3);
    }

    @Test
    void sameBodyAsTheLiveRevisionIsUnchangedAndRecordsNothing() {
        PushResult first = content.push(SITE, file("/img/a.png", "PNG", Map.of()));
        clock.advance(Duration.ofSeconds(5));

        PushResult again = content.push(SITE, file("/img/a.png", "PNG", Map.of()));

        assertThat(again.unchanged()).isTrue();
        assertThat(again.revision()).isEqualTo(first.revision());
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(content.entry(SITE, "/img/a.png")).isEqualTo(first.entry());
    }

    @Test
    void sameBodyWithOtherHeadersOrUnpublishedIsANewRevision() {
        content.push(SITE, file("/u", "{}", Map.of("content-type", "text/plain")));

        PushResult retyped = content.push(SITE, file("/u", "{}", Map.of("Content-Type", "application/json")));
        assertThat(retyped.unchanged()).isFalse();
        assertThat(reader.published(SITE, "/u"))
                .isInstanceOfSatisfying(
                        Published.Page.class,
                        page -> assertThat(page.contentType()).isEqualTo("application/json"));
        assertThat(content.push(SITE, file("/u", "{}", Map.of("CONTENT-TYPE", "application/json")))
                        .unchanged())
                .isTrue();

        PushResult draft = content.push(SITE, content("/u", "{}", false));
        assertThat(draft.unchanged()).isFalse();
        assertThat(draft.entry().highestRevisionNumber()).isEqualTo(3);
    }

    @Test
    void urlsAreKeptLowerCasedInTheirPushedForm() {
        content.push(SITE, content("/About/Index.html", "<p>about</p>"));
        content.push(SITE, file("/img/Logo.PNG", "PNG", Map.of()));

        assertThat(content.entry(SITE, "/about").url()).isEqualTo("/about/index.html");
        assertThat(content.entry(SITE, "/img/logo.png").url()).isEqualTo("/img/logo.png");
        assertThat(reader.published(SITE, "/img/logo.png")).isNotNull();
    }

    @Test
    void unpublishedPushRecordsARevisionWithoutChangingWhatIsLive() {
        PushResult live = content.push(SITE, content("/a", "live"));

        PushResult draft = content.push(SITE, content("/a", "draft", false));

        assertThat(draft.unchanged()).isFalse();
        assertThat(draft.entry().publishedRevision()).isEqualTo(1);
        assertThat(draft.entry().current().number()).isEqualTo(1);
        assertThat(draft.entry().highestRevisionNumber()).isEqualTo(2);
        assertThat(reader.published(SITE, "/a"))
                .isInstanceOfSatisfying(
                        Published.Page.class,
                        page -> assertThat(page.md5()).isEqualTo(live.revision().md5()));
    }

    @Test
    void newEntryPushedUnpublishedIsNotServed() {
        PushResult draft = content.push(SITE, content("/draft", "x", false));

        assertThat(draft.entry().published()).isFalse();
        assertThat(draft.entry().publishedRevision()).isZero();
        assertThat(draft.entry().publishedMd5()).isEmpty();
        assertThat(draft.entry().current().number()).isEqualTo(1);
        assertThat(reader.published(SITE, "/draft")).isNull();
        assertFails(() -> content.revision(SITE, "/draft", "published"), ErrorKind.NOT_FOUND, "Revision not found");
    }

    @Test
    void fileTypeComesFromHeadersOrExtension() {
        content.push(SITE, file("/css/site.css", "body{}", Map.of("Cache-Control", "max-age=60")));
        content.push(SITE, file("/feed", "<rss/>", Map.of("content-type", "application/rss+xml", "x-a", "1")));
        content.push(SITE, file("/node/1", "<p/>", Map.of("content_type", "text/html")));

        assertThat(reader.published(SITE, "/css/site.css")).isInstanceOfSatisfying(Published.Page.class, p -> {
            assertThat(p.contentType()).isEqualTo("text/css; charset=utf-8");
            assertThat(p.headers()).isEqualTo(Map.of("cache-control", "max-age=60"));
        });
        assertThat(reader.published(SITE, "/feed")).isInstanceOfSatisfying(Published.Page.class, p -> {
            assertThat(p.contentType()).isEqualTo("application/rss+xml");
            assertThat(p.headers()).isEqualTo(Map.of("x-a", "1"));
        });
        assertThat(reader.published(SITE, "/node/1"))
                .isInstanceOfSatisfying(
                        Published.Page.class, p -> assertThat(p.contentType()).isEqualTo("text/html"));
    }

    @Test
    void sitesAreSeparate() {
        content.push(SITE, content("/a", "www"));
        content.push(new SiteId("acme", "blog"), content("/a", "blog"));

        assertThat(content.entry(SITE, "/a").seqNum()).isEqualTo(1);
        assertThat(content.entry(new SiteId("acme", "blog"), "/a").seqNum()).isEqualTo(1);
        assertThat(reader.published(new SiteId("other", "www"), "/a")).isNull();
    }

    @Test
    void bodyOverTheLimitIsRefusedAndRecordsNothing() throws IOException {
        store.close();
        store = open(4);
        content = store.contentService();

        assertFails(
                () -> store.contentService().push(SITE, content("/big", "12345")),
                ErrorKind.PAYLOAD_TOO_LARGE,
                "body: more than 4 bytes (expected: <= 4)");
        assertFails(() -> content.entry(SITE, "/big"), ErrorKind.NOT_FOUND, "Resource not found.");
    }
}
