package dev.sluice.persistence;

import static dev.sluice.persistence.Pushes.content;
import static dev.sluice.persistence.Pushes.proxy;
import static dev.sluice.persistence.Pushes.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.content.Entry;
import dev.sluice.content.EntryType;
import dev.sluice.content.Published;
import dev.sluice.content.PushResult;
import dev.sluice.content.Revision;
import dev.sluice.core.ErrorKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentLifecycleTest extends StoreTestBase {

    @Test
    void unpublishTakesThePathOfflineOnce() {
        content.push(SITE, content("/about/index.html", "about"));
        clock.advance(Duration.ofSeconds(3));

        Entry off = content.unpublish(SITE, "/about");

        assertThat(off.published()).isFalse();
        assertThat(off.publishedRevision()).isEqualTo(1);
        assertThat(off.seqNum()).isEqualTo(2);
        assertThat(off.lastModifiedEpochSeconds()).isEqualTo(START + 3);
        assertThat(reader.published(SITE, "/about")).isNull();
        assertFails(() -> content.unpublish(SITE, "/about/"), ErrorKind.CONFLICT, "Resource is already unpublished.");
        assertFails(() -> content.unpublish(SITE, "/nowhere"), ErrorKind.NOT_FOUND, "Resource not found.");
    }

    @Test
    void republishAndPublishAnOlderRevision() {
        PushResult one = content.push(SITE, content("/a", "one"));
        content.push(SITE, content("/a", "two"));
        content.unpublish(SITE, "/a");

        Entry back = content.publish(SITE, "/a", 1);

        assertThat(back.published()).isTrue();
        assertThat(back.publishedRevision()).isEqualTo(1);
        assertThat(back.current()).isEqualTo(one.revision());
        assertThat(back.highestRevisionNumber()).isEqualTo(2);
        assertThat(reader.published(SITE, "/a"))
                .isInstanceOfSatisfying(
                        Published.Page.class,
                        p -> assertThat(p.md5()).isEqualTo(one.revision().md5()));
        assertThat(content.publish(SITE, "/a", 1)).isEqualTo(back);
        assertFails(() -> content.publish(SITE, "/a", 3), ErrorKind.NOT_FOUND, "Revision not found");
        assertFails(() -> content.publish(SITE, "/b", 1), ErrorKind.NOT_FOUND, "Resource not found.");
    }

    @Test
    void pushingTheLiveBodyAfterAnOlderPublishIsUnchangedOnlyForTheLiveOne() {
        content.push(SITE, content("/a", "one"));
        content.push(SITE, content("/a", "two"));
        content.publish(SITE, "/a", 1);

        assertThat(content.push(SITE, content("/a", "one")).unchanged()).isTrue();
        PushResult two = content.push(SITE, content("/a", "two"));
        assertThat(two.unchanged()).isFalse();
        assertThat(two.revision().number()).isEqualTo(3);
    }

    @Test
    void deleteAllStopsServingAndALaterPushStartsAgain() {
        content.push(SITE, content("/old/index.html", "v1"));
        content.push(SITE, content("/old/index.html", "v2"));
        clock.advance(Duration.ofSeconds(7));

        Entry deleted = content.deleteAll(SITE, "/old/");

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.deletedTimestamp()).isEqualTo(START + 7);
        assertThat(deleted.published()).isFalse();
        assertThat(deleted.revisionCount()).isZero();
        assertThat(reader.published(SITE, "/old")).isNull();
        assertThat(content.revisions(SITE, "/old")).isEmpty();
        assertFails(() -> content.revision(SITE, "/old", "1"), ErrorKind.NOT_FOUND, "Revision not found");
        assertFails(() -> content.publish(SITE, "/old", 2), ErrorKind.NOT_FOUND, "Revision not found");
        assertThat(content.deleteAll(SITE, "/old")).isEqualTo(deleted);

        PushResult again = content.push(SITE, content("/OLD", "v3"));

        assertThat(again.entry().deleted()).isFalse();
        assertThat(again.entry().deletedTimestamp()).isZero();
        assertThat(again.entry().url()).isEqualTo("/old");
        assertThat(again.entry().revisionCount()).isEqualTo(1);
        assertThat(again.revision().number()).isEqualTo(3);
        assertThat(content.revisions(SITE, "/old")).extracting(Revision::number).containsExactly(3);
        assertThat(reader.published(SITE, "/old")).isNotNull();
        assertFails(() -> content.deleteAll(SITE, "/gone"), ErrorKind.NOT_FOUND, "Resource not found.");
    }

    @Test
    void redirectsAreRevisions() {
        PushResult r = content.push(SITE, redirect("/x.html", "/x", 302));

        assertThat(r.entry().type()).isEqualTo(EntryType.REDIRECT);
        assertThat(r.revision().redirectUrl()).isEqualTo("/x");
        assertThat(r.revision().info()).isEqualTo(Map.of("author_user", "alice"));
        assertThat(reader.published(SITE, "/x.html")).isEqualTo(new Published.Redirect("/x", 302));

        content.push(SITE, redirect("/x.html", "/y", 301));
        assertThat(reader.published(SITE, "/x.html")).isEqualTo(new Published.Redirect("/y", 301));
        assertThat(content.entry(SITE, "/x.html").revisionCount()).isEqualTo(2);
    }

    @Test
    void publishingAnOlderRevisionNeverMovesLastModifiedBackwards() {
        content.push(SITE, content("/lm", "v1"));
        clock.advance(java.time.Duration.ofHours(1));
        content.push(SITE, content("/lm", "v2"));
        clock.advance(java.time.Duration.ofHours(1));
        long rollback = clock.instant().getEpochSecond();

        content.publish(SITE, "/lm", 1);

        assertThat(reader.published(SITE, "/lm"))
                .isInstanceOfSatisfying(
                        Published.Page.class,
                        page -> assertThat(page.modifiedEpochSeconds()).isEqualTo(rollback));
    }

    @Test
    void anIdenticalRedirectOrProxyIsUnchanged() {
        content.push(SITE, redirect("/x.html", "/x", 302));
        PushResult again = content.push(SITE, redirect("/x.html", "/x", 302));
        assertThat(again.unchanged()).isTrue();
        assertThat(content.entry(SITE, "/x.html").revisionCount()).isEqualTo(1);
        assertThat(content.push(SITE, redirect("/x.html", "/x", 301)).unchanged())
                .isFalse();
        assertThat(content.entry(SITE, "/x.html").revisionCount()).isEqualTo(2);

        content.push(SITE, proxy("/api", "https://origin.example.com/api", "u", "p"));
        assertThat(content.push(SITE, proxy("/api", "https://origin.example.com/api", "u", "p"))
                        .unchanged())
                .isTrue();
        assertThat(content.push(SITE, proxy("/api", "https://origin.example.com/api", "u", "other"))
                        .unchanged())
                .isFalse();
    }

    @Test
    void proxiesAreRevisions() {
        PushResult p = content.push(SITE, proxy("/api", "https://origin.example.com/api", "u", "p"));

        assertThat(p.entry().type()).isEqualTo(EntryType.PROXY);
        assertThat(reader.published(SITE, "/api"))
                .isEqualTo(new Published.Proxy("https://origin.example.com/api", "u", "p"));
        content.unpublish(SITE, "/api");
        assertThat(reader.published(SITE, "/api")).isNull();
    }

    @Test
    void aPageCanBecomeARedirect() {
        content.push(SITE, content("/moved", "page"));
        content.push(SITE, redirect("/moved", "/new", 301));

        Entry entry = content.entry(SITE, "/moved");
        assertThat(entry.type()).isEqualTo(EntryType.REDIRECT);
        assertThat(reader.published(SITE, "/moved")).isEqualTo(new Published.Redirect("/new", 301));
        content.publish(SITE, "/moved", 1);
        assertThat(reader.published(SITE, "/moved")).isInstanceOf(Published.Page.class);
    }

    @Test
    void canonicalPathsShareOneEntry() {
        content.push(SITE, content("/a", "1"));
        content.push(SITE, content("/a/", "2"));
        content.push(SITE, content("/A/index.html", "3"));

        Entry entry = content.entry(SITE, "/a/index.html");
        assertThat(entry.revisionCount()).isEqualTo(3);
        assertThat(entry.url()).isEqualTo("/a");
        content.push(SITE, content("/index.html", "home"));
        assertThat(content.entry(SITE, "").url()).isEqualTo("/index.html");
        assertThat(reader.published(SITE, "/")).isNotNull();
    }

    @Test
    void traversalIsRefused() {
        assertFails(
                () -> content.push(SITE, content("/a/../../etc/passwd", "x")),
                ErrorKind.BAD_REQUEST,
                "url: /a/../../etc/passwd (expected: no '.' or '..' segments)");
        assertFails(
                () -> content.entry(SITE, "/a/./b"),
                ErrorKind.BAD_REQUEST,
                "url: /a/./b (expected: no '.' or '..' segments)");
    }

    @Test
    void revisionSelectorsOnUnknownPathsAreNotFound() {
        assertFails(() -> content.revision(SITE, "/none", "published"), ErrorKind.NOT_FOUND, "Resource not found.");
        assertFails(() -> content.revisions(SITE, "/none"), ErrorKind.NOT_FOUND, "Resource not found.");
    }
}
