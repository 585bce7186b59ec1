package dev.sluice.dialect;

import dev.sluice.content.ContentPaths;
import dev.sluice.control.Site;
import dev.sluice.core.SluiceException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A full purge URL as vendors take it ({@code http://host[:port]/path?query}), split into the host
 * that names the site and the path with query that names the object.
 *
 * <p>Purge targets are what the edge keys objects by: for content sites the canonical, decoded path
 * ({@link ContentPaths#canonical}); for pull zones the path as sent (still percent-encoded) and the
 * query when the zone keeps it.
 *
 * @param host the host, lower-case, without port
 * @param pathAndQuery the path (from its {@code /}) and query as sent
 */
public record PurgeUrl(String host, String pathAndQuery) {

    /** Parses an http(s) URL; anything else is a BAD_REQUEST naming it. */
    public static PurgeUrl parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int start = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (start < 0) {
            throw invalid(url);
        }
        int slash = url.indexOf('/', start);
        String authority = slash < 0 ? url.substring(start) : url.substring(start, slash);
        String rest = slash < 0 ? "/" : url.substring(slash);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int colon = authority.lastIndexOf(':');
        String host = (colon >= 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
        if (host.isEmpty() || authority.contains("@") || host.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw invalid(url);
        }
        return new PurgeUrl(host, rest);
    }

    /**
     * Whether the URL holds only characters allowed unencoded (RFC 3986), and well-formed escapes
     * that spell UTF-8: CDN Pro refuses {@code 123%abc.jpg}, whose {@code %ab} is no character.
     */
    public static boolean isEncoded(String url) {
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%') {
                if (i + 2 >= url.length() || !isHex(url.charAt(i + 1)) || !isHex(url.charAt(i + 2))) {
                    return false;
                }
                run.writeBytes(HexFormat.of().parseHex(url, i + 1, i + 3));
                i += 2;
                continue;
            }
            if (!isUtf8(run)) {
                return false;
            }
            if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return false;
            }
        }
        return isUtf8(run);
    }

    /** Whether the escaped bytes so far are whole UTF-8; empties the run. */
    private static boolean isUtf8(ByteArrayOutputStream run) {
        if (run.size() == 0) {
            return true;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(run.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } finally {
            run.reset();
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The path, without query. */
    public String path() {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** The purge target of one object of the site. */
    public String target(Site site) {
        return target(site, pathAndQuery);
    }

    /** The purge target of a path (with query) as sent, for the site. */
    public static String target(Site site, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        if (site.pullZone()) {
            return site.keepQuery() ? pathAndQuery : path;
        }
        return ContentPaths.canonical(decoded(path));
    }

    /** Percent-decodes a path as UTF-8 ({@code +} stays a plus); a bad escape is a BAD_REQUEST. */
    public static String decoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
                throw SluiceException.badRequest("path: %s (expected: valid percent-encoding)".formatted(path));
            }
            out.writeBytes(HexFormat.of().parseHex(path, i + 1, i + 3));
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SluiceException invalid(String url) {
        String shown = url.length() > 100 ? url.substring(0, 100) + "..." : url;
        return SluiceException.badRequest("url: %s (expected: http(s)://host/path)".formatted(shown));
    }
}
