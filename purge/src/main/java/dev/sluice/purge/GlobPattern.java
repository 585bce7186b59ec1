package dev.sluice.purge;

import dev.sluice.core.SluiceException;
import java.util.function.Predicate;

/**
 * A CDN Pro {@code dirUrls} pattern over targets: only the last {@code *} or {@code **} is a
 * wildcard, earlier {@code *} are literal. {@code *} matches within one path segment (no {@code /}
 * in the path; a query after {@code ?} is not a path, so it may hold {@code /}), {@code **} matches
 * across segments. A pattern without a wildcard names one exact key, every variant.
 *
 * <p>The pattern splits at the wildcard into a literal prefix and suffix; a target matches when it
 * starts with the prefix, ends with the suffix (without overlapping), and the part between is
 * allowed by the wildcard. Linear time, no backtracking.
 */
public final class GlobPattern implements Predicate<String> {

    private final String pattern;
    private final String prefix;
    private final String suffix;
    private final int wildcard;

    private GlobPattern(String pattern, String prefix, String suffix, int wildcard) {
        this.pattern = pattern;
        this.prefix = prefix;
        this.suffix = suffix;
        this.wildcard = wildcard;
    }

    /** Parses a pattern; an empty one is a bad request. */
    public static GlobPattern parse(String pattern) {
        if (pattern.isEmpty()) {
            throw SluiceException.badRequest("glob: \"\" (expected: a non-empty pattern)");
        }
        int last = pattern.lastIndexOf('*');
        if (last < 0) {
            return new GlobPattern(pattern, pattern, "", 0);
        }
        int width = last > 0 && pattern.charAt(last - 1) == '*' ? 2 : 1;
        int start = last + 1 - width;
        return new GlobPattern(pattern, pattern.substring(0, start), pattern.substring(last + 1), width);
    }

    /** Whether the pattern has no wildcard, so it names one exact key. */
    public boolean isExact() {
        return wildcard == 0;
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }

    @Override
    public boolean test(String target) {
        if (isExact()) {
            return target.equals(pattern);
        }
        int end = target.length() - suffix.length();
        if (end < prefix.length() || !target.startsWith(prefix) || !target.endsWith(suffix)) {
            return false;
        }
        return wildcard == 2 || withinSegment(target, prefix.length(), end);
    }

    private static boolean withinSegment(String target, int from, int to) {
        int query = target.indexOf('?');
        int pathEnd = query < 0 ? to : Math.min(to, query);
        int slash = target.indexOf('/', from);
        return slash < 0 || slash >= pathEnd;
    }

    @Override
    public String toString() {
        return "glob " + pattern;
    }
}
