package dev.sluice.purge;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * A regular expression matched against the whole target, on RE2/J: linear time in the target's
 * length whatever the pattern, so a purge cannot stall lookups or the sweeper with backtracking.
 *
 * <p>RE2/J expands bounded repeats while compiling, and nested ones multiply: {@code ((a{59}){59}){59}}
 * is some 200,000 copies of {@code a}, and one more level exhausts the heap. So, as RE2 itself does,
 * a pattern whose product of repeat upper bounds along any nesting path exceeds {@value
 * #MAX_REPEAT_PRODUCT} is refused before it is compiled ({@code *}, {@code +}, {@code ?} count as 1).
 */
public final class TargetRegex implements Predicate<String> {

    /** Longer patterns are refused: no vendor allows more, and each runs on every swept object. */
    public static final int MAX_LENGTH = 2048;

    /** The most copies nested bounded repeats may make of one sub-pattern (RE2's limit). */
    public static final int MAX_REPEAT_PRODUCT = 1000;

    private final Pattern pattern;

    private TargetRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles a pattern; bad syntax is a bad request naming the pattern and the problem. */
    public static TargetRegex compile(String regex) {
        if (regex.isEmpty() || regex.length() > MAX_LENGTH) {
            throw SluiceException.badRequest(
                    "regex: %s (expected: 1-%s characters)".formatted(quote(regex), MAX_LENGTH));
        }
        long product = repeatProduct(regex);
        if (product > MAX_REPEAT_PRODUCT) {
            throw SluiceException.badRequest("regex: %s (expected: nested repeat bounds multiplying to <= %d, got %s)"
                    .formatted(quote(regex), MAX_REPEAT_PRODUCT, product >= SATURATED ? "more" : product));
        }
        try {
            return new TargetRegex(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new SluiceException(
                    ErrorKind.BAD_REQUEST,
                    "regex: %s (expected: valid RE2 syntax; %s)".formatted(quote(regex), e.getDescription()),
                    e);
        }
    }

    @Override
    public boolean test(String target) {
        return pattern.matches(target);
    }

    @Override
    public String toString() {
        return "regex " + pattern.pattern();
    }

    private static final long SATURATED = 1L << 40;

    /**
     * The largest product of repeat upper bounds along any nesting path of the pattern, saturating.
     * A scan of RE2 syntax that needs to know only escapes, classes, groups and repeats; malformed
     * patterns are left to the compiler to refuse.
     */
    static long repeatProduct(String regex) {
        Deque<long[]> groups = new ArrayDeque<>(); // per open group: {max so far, last item's value}
        long[] group = {1, 0};
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int next = i + 1;
            long item = 1;
            switch (c) {
                case '\\' -> next = skipEscape(regex, i);
                case '[' -> next = skipClass(regex, i);
                case '(' -> {
                    int close = regex.indexOf(')', i);
                    int colon = regex.indexOf(':', i);
                    boolean flagsOnly = regex.startsWith("(?", i)
                            && !regex.startsWith("(?P<", i)
                            && !regex.startsWith("(?<", i)
                            && close >= 0
                            && (colon < 0 || close < colon);
                    if (flagsOnly) {
                        i = close + 1; // (?i) and the like: no group, no atom
                        continue;
                    }
                    groups.push(group);
                    group = new long[] {1, 0};
                    i = next;
                    continue;
                }
                case ')' -> {
                    item = group[0];
                    group = groups.isEmpty() ? new long[] {1, 0} : groups.pop();
                }
                case '|' -> {
                    group[1] = 0;
                    i = next;
                    continue;
                }
                case '*', '+', '?' -> {
                    i = next; // a factor of 1
                    continue;
                }
                case '{' -> {
                    long bound = repeatBound(regex, i);
                    if (bound >= 0) {
                        group[1] = Math.min(SATURATED, group[1] * Math.max(1, bound));
                        group[0] = Math.max(group[0], group[1]);
                        i = regex.indexOf('}', i) + 1;
                        continue;
                    }
                }
                default -> {}
            }
            group[1] = item;
            group[0] = Math.max(group[0], item);
            i = next;
        }
        long max = group[0];
        for (long[] open : groups) {
            max = Math.max(max, open[0]);
        }
        return max;
    }

    /** The upper bound of the repeat {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, or -1. */
    private static long repeatBound(String regex, int i) {
        int close = regex.indexOf('}', i);
        if (close < 0) {
            return -1;
        }
        String inside = regex.substring(i + 1, close);
        if (!inside.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
            return -1; // a literal brace in RE2
        }
        int comma = inside.indexOf(',');
        if (comma < 0 || comma == inside.length() - 1) {
            return Long.parseLong(comma < 0 ? inside : inside.substring(0, comma)); // {n,} expands to n
        }
        return Long.parseLong(inside.substring(comma + 1));
    }

    private static int skipEscape(String regex, int i) {
        if (i + 1 >= regex.length()) {
            return regex.length();
        }
        char e = regex.charAt(i + 1);
        if (e == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            return end < 0 ? regex.length() : end + 2;
        }
        if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
            int end = regex.indexOf('}', i);
            return end < 0 ? regex.length() : end + 1;
        }
        return i + 2;
    }

    private static int skipClass(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++; // a leading ] is a literal
        }
        while (j < regex.length() && regex.charAt(j) != ']') {
            if (regex.charAt(j) == '\\') {
                j = skipEscape(regex, j);
            } else if (regex.startsWith("[:", j)) {
                int end = regex.indexOf(":]", j + 2);
                j = end < 0 ? j + 1 : end + 2;
            } else {
                j++;
            }
        }
        return Math.min(regex.length(), j + 1);
    }

    private static String quote(String s) {
        return '"' + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + '"';
    }
}
