package dev.sluice.persistence;

import dev.sluice.content.ContentPush;
import dev.sluice.content.EntryType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Pushes as the Quant API would build them. */
final class Pushes {

    private Pushes() {}

    static ContentPush content(String url, String html) {
        return content(url, html, true);
    }

    static ContentPush content(String url, String html, boolean published) {
        return body(EntryType.CONTENT, url, html, published, Map.of());
    }

    static ContentPush file(String url, String bytes, Map<String, String> headers) {
        return body(EntryType.FILE, url, bytes, true, headers);
    }

    static ContentPush redirect(String from, String to, int code) {
        return new ContentPush(
                EntryType.REDIRECT,
                from,
                true,
                null,
                Map.of(),
                Map.of("author_user", "alice"),
                to,
                code,
                null,
                null,
                null,
                null);
    }

    static ContentPush proxy(String url, String destination, String user, String password) {
        return new ContentPush(
                EntryType.PROXY, url, true, null, Map.of(), Map.of(), null, 0, destination, user, password, null);
    }

    private static ContentPush body(
            EntryType type, String url, String text, boolean published, Map<String, String> headers) {
        return new ContentPush(
                type,
                url,
                published,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                headers,
                Map.of(),
                null,
                0,
                null,
                null,
                null,
                null);
    }
}
