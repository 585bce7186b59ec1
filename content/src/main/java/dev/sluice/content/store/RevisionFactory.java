package dev.sluice.content.store;

import dev.sluice.content.ContentPush;
import dev.sluice.content.EntryType;
import dev.sluice.content.Revision;
import dev.sluice.content.blob.StoredBlob;
import dev.sluice.core.SluiceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Checks a push and makes the revision it records. */
final class RevisionFactory {

    private RevisionFactory() {}

    /** Refuses a push that cannot become a revision, before any byte is stored. */
    static void validate(ContentPush push, boolean allowInternalProxies) {
        switch (push.type()) {
            case CONTENT, FILE -> {
                if (push.body() == null) {
                    throw SluiceException.badRequest("content: missing (expected: a body)");
                }
            }
            case REDIRECT -> validateRedirect(push.redirectUrl(), push.redirectCode());
            case PROXY -> validateProxy(push.proxyDestination(), allowInternalProxies);
        }
        headers(push.headers());
    }

    /** The revision numbered {@code number} made at {@code now}; {@code blob} holds the body. */
    static Revision make(ContentPush push, int number, long now, @Nullable StoredBlob blob) {
        boolean hasBody = push.type() == EntryType.CONTENT || push.type() == EntryType.FILE;
        String target = push.type() == EntryType.REDIRECT ? push.redirectUrl() : push.proxyDestination();
        String md5 = hasBody && blob != null ? blob.md5() : md5(target == null ? "" : target);
        return new Revision(
                number,
                push.type(),
                md5,
                hasBody && blob != null ? blob.size() : 0,
                now,
                headers(push.headers()),
                Collections.unmodifiableMap(new LinkedHashMap<>(push.info())),
                push.type() == EntryType.REDIRECT ? push.redirectUrl() : null,
                push.type() == EntryType.REDIRECT ? push.redirectCode() : 0,
                push.type() == EntryType.PROXY ? push.proxyDestination() : null,
                push.type() == EntryType.PROXY ? push.proxyUser() : null,
                push.type() == EntryType.PROXY ? push.proxyPassword() : null,
                push.contentTimestamp());
    }

    /** Header names lower-cased; names and values that could split a response are refused. */
    static Map<String, String> headers(Map<String, String> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (name.isEmpty() || !name.chars().allMatch(RevisionFactory::isTokenChar)) {
                throw SluiceException.badRequest("headers: name '%s' (expected: an HTTP token)".formatted(name));
            }
            if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f))) {
                throw SluiceException.badRequest(
                        "headers: value of %s (expected: no control characters)".formatted(name));
            }
            headers.put(name.toLowerCase(Locale.ROOT), value);
        });
        return Collections.unmodifiableMap(headers);
    }

    /** Lower-case hex MD5 of a string's UTF-8 bytes. */
    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static void validateRedirect(@Nullable String location, int code) {
        if (location == null || location.isBlank()) {
            throw SluiceException.badRequest("redirect_url: missing (expected: a URL)");
        }
        if (!location.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw SluiceException.badRequest(
                    "redirect_url: %s (expected: no spaces or control characters)".formatted(location));
        }
        if (code < 300 || code > 399) {
            throw SluiceException.badRequest("redirect_http_code: %d (expected: 300-399)".formatted(code));
        }
    }

    private static void validateProxy(@Nullable String destination, boolean allowInternal) {
        if (destination == null || destination.isBlank()) {
            throw SluiceException.badRequest("destination: missing (expected: an absolute http(s) URL)");
        }
        try {
            URI uri = new URI(destination);
            String scheme = uri.getScheme();
            if (scheme == null
                    || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw SluiceException.badRequest(
                        "destination: %s (expected: an absolute http(s) URL)".formatted(destination));
            }
            if (!allowInternal) {
                ProxyDestinations.checkPublic(uri);
            }
        } catch (URISyntaxException e) {
            throw SluiceException.badRequest(
                    "destination: %s (expected: an absolute http(s) URL)".formatted(destination));
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
