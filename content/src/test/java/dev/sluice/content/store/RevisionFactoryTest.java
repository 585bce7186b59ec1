package dev.sluice.content.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.content.ContentPush;
import dev.sluice.content.EntryType;
import dev.sluice.content.Revision;
import dev.sluice.content.blob.StoredBlob;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RevisionFactoryTest {

    @Test
    void contentRevisionTakesTheBlobAndLowerCasesHeaderNames() {
        ContentPush push = new ContentPush(
                EntryType.CONTENT,
                "/a",
                true,
                new ByteArrayInputStream(new byte[0]),
                Map.of("Cache-Control", "max-age=60"),
                Map.of("author_name", "alice"),
                null,
                0,
                null,
                null,
                null,
                42L);

        Revision r = RevisionFactory.make(push, 3, 1000, new StoredBlob("d41d8cd98f00b204e9800998ecf8427e", 0));

        assertThat(r)
                .isEqualTo(new Revision(
                        3,
                        EntryType.CONTENT,
                        "d41d8cd98f00b204e9800998ecf8427e",
                        0,
                        1000,
                        Map.of("cache-control", "max-age=60"),
                        Map.of("author_name", "alice"),
                        null,
                        0,
                        null,
                        null,
                        null,
                        42L));
    }

    @Test
    void redirectMd5IsOfItsTarget() {
        Revision r = RevisionFactory.make(redirect("/to", 301), 1, 5, null);

        assertThat(r.md5()).isEqualTo(RevisionFactory.md5("/to"));
        assertThat(r.redirectUrl()).isEqualTo("/to");
        assertThat(r.redirectCode()).isEqualTo(301);
        assertThat(r.byteLength()).isZero();
    }

    @Test
    void refusesInvalidPushes() {
        assertBadRequest(redirect("/to", 200), "redirect_http_code: 200 (expected: 300-399)");
        assertBadRequest(redirect(" ", 301), "redirect_url: missing (expected: a URL)");
        assertBadRequest(
                redirect("/to\r\nSet-Cookie: x", 301),
                "redirect_url: /to\r\nSet-Cookie: x (expected: no spaces or control characters)");
        assertBadRequest(
                proxy("ftp://example.com/"), "destination: ftp://example.com/ (expected: an absolute http(s) URL)");
        assertBadRequest(proxy("/relative"), "destination: /relative (expected: an absolute http(s) URL)");
        assertBadRequest(
                new ContentPush(EntryType.FILE, "/f", true, null, Map.of(), Map.of(), null, 0, null, null, null, null),
                "content: missing (expected: a body)");
    }

    @Test
    void refusesProxiesToInternalAddressesUnlessAllowed() {
        for (String internal : new String[] {
            "http://127.0.0.1:8081/metrics",
            "http://localhost/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://0.0.0.0/"
        }) {
            assertThatThrownBy(() -> RevisionFactory.validate(proxy(internal), false))
                    .as(internal)
                    .isInstanceOfSatisfying(
                            SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                    .hasMessageContaining("an internal address (expected: a public origin)");
            RevisionFactory.validate(proxy(internal), true);
        }
        RevisionFactory.validate(proxy("https://8.8.8.8/api"), false);
        RevisionFactory.validate(proxy("https://origin.invalid/api"), false);
    }

    @Test
    void refusesHeadersThatCouldSplitAResponse() {
        assertThatThrownBy(() -> RevisionFactory.headers(Map.of("x-a", "1\r\nSet-Cookie: a=b")))
                .hasMessage("headers: value of x-a (expected: no control characters)");
        assertThatThrownBy(() -> RevisionFactory.headers(Map.of("bad name", "1")))
                .hasMessage("headers: name 'bad name' (expected: an HTTP token)");
    }

    private static void assertBadRequest(ContentPush push, String message) {
        assertThatThrownBy(() -> RevisionFactory.validate(push, false))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .hasMessage(message);
    }

    private static ContentPush redirect(String to, int code) {
        return new ContentPush(
                EntryType.REDIRECT, "/from", true, null, Map.of(), Map.of(), to, code, null, null, null, null);
    }

    private static ContentPush proxy(@Nullable String destination) {
        return new ContentPush(
                EntryType.PROXY, "/api", true, null, Map.of(), Map.of(), null, 0, destination, null, null, null);
    }
}
