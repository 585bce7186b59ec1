package dev.sluice.core.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entity tag (RFC 9110 section 8.8.3).
 *
 * @param opaque the quoted part without its quotes
 * @param weak whether it carries the {@code W/} prefix
 */
public record EntityTag(String opaque, boolean weak) {

    /** The tag as sent in a header: {@code "x"} or {@code W/"x"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }

    /** Strong comparison: both strong and the same opaque part. */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** Weak comparison: the same opaque part, whatever the prefixes. */
    public boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    /** One entity tag as sent, or null when it is not well formed. */
    public static @Nullable EntityTag parse(String value) {
        List<EntityTag> tags = new ArrayList<>();
        String v = value.trim();
        int end = parseOne(v, 0, tags);
        return end == v.length() && tags.size() == 1 ? tags.getFirst() : null;
    }

    /**
     * The tags of an {@code If-Match} / {@code If-None-Match} list. Malformed members end the list
     * (what was read before them is kept); {@code *} is handled by the caller.
     */
    public static List<EntityTag> parseList(String value) {
        List<EntityTag> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int next = parseOne(value, i, tags);
            if (next < 0) {
                break;
            }
            i = next;
        }
        return tags;
    }

    // Reads one tag at i into tags; returns the index after it, or -1 when malformed.
    private static int parseOne(String s, int start, List<EntityTag> tags) {
        int i = start;
        boolean weak = s.startsWith("W/", i);
        if (weak) {
            i += 2;
        }
        if (i >= s.length() || s.charAt(i) != '"') {
            return -1;
        }
        int close = s.indexOf('"', i + 1);
        if (close < 0) {
            return -1;
        }
        tags.add(new EntityTag(s.substring(i + 1, close), weak));
        return close + 1;
    }
}
