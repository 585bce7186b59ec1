package dev.sluice.purge;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.util.function.Predicate;

/**
 * A regular expression matched against the whole target, on RE2/J: linear time in the target's
 * length whatever the pattern, so a purge cannot stall lookups or the sweeper with backtracking.
 */
public final class TargetRegex implements Predicate<String> {

    /** Longer patterns are refused: no vendor allows more, and each runs on every swept object. */
    public static final int MAX_LENGTH = 2048;

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

    private static String quote(String s) {
        return '"' + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + '"';
    }
}
