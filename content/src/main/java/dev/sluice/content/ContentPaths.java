package dev.sluice.content;

import dev.sluice.core.SluiceException;
import java.util.Locale;

/**
 * The one canonical form of a content path, so {@code /a}, {@code /a/} and {@code /a/index.html} are
 * one entry: lower-case, no trailing {@code /index.html}, no trailing slash except on the root, and an
 * empty path is the root. Paths with {@code ..} segments, control characters, a query or a fragment
 * are refused.
 */
public final class ContentPaths {

    /** The site's own 404 page, served for every missing path. */
    public static final String NOT_FOUND_PAGE = "/_quant404";

    /** The tag the edge gives every 404, so a change of {@link #NOT_FOUND_PAGE} purges them all. */
    public static final String NOT_FOUND_TAG = "sluice:404";

    private static final int MAX_LENGTH = 4096;

    private ContentPaths() {}

    /** The canonical key for a path as pushed, requested or purged. */
    public static String canonical(String raw) {
        String path = validated(raw).toLowerCase(Locale.ROOT);
        if (path.isEmpty()) {
            return "/";
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.contains("//")) {
            path = path.replace("//", "/");
        }
        if (path.endsWith("/index.html")) {
            path = path.substring(0, path.length() - "index.html".length());
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * The path as the client pushed it, with a leading slash, checked for traversal and control
     * characters.
     */
    public static String validated(String raw) {
        if (raw.length() > MAX_LENGTH) {
            throw SluiceException.badRequest(
                    "url: %d characters (expected: <= %d)".formatted(raw.length(), MAX_LENGTH));
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw SluiceException.badRequest("url: control character at %d (expected: none)".formatted(i));
            }
            if (c == '?' || c == '#' || c == '\\') {
                throw SluiceException.badRequest("url: '%c' at %d (expected: a path only)".formatted(c, i));
            }
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw SluiceException.badRequest("url: %s (expected: no '.' or '..' segments)".formatted(raw));
            }
        }
        return raw.startsWith("/") || raw.isEmpty() ? raw : "/" + raw;
    }
}
