package dev.sluice.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherValidationTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "/blog/.*\\.jpg, /blog/a.jpg, true",
        "/blog/.*\\.jpg, /blog/x/a.jpg, true",
        "/blog/.*\\.jpg, /old/blog/a.jpg, false",
        "/blog/.*\\.jpg, /blog/a.jpgx, false",
        "/(a|b)/[^/]*\\?v=1, /b/c?v=1, true",
    })
    void regexMatchesTheWholeTarget(String regex, String target, boolean expected) {
        assertThat(TargetRegex.compile(regex).test(target)).isEqualTo(expected);
    }

    @Test
    void badRegexSyntaxIsABadRequestNamingTheProblem() {
        assertBadRequest(
                new Matcher.Regex("/a/(b"), "regex: \"/a/(b\" (expected: valid RE2 syntax; missing closing ))");
    }

    @Test
    void backreferencesAreRefusedByTheLinearEngine() {
        assertThatThrownBy(() -> CompiledMatcher.compile(new Matcher.Regex("(a)\\1")))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("regex: \"(a)\\1\" (expected: valid RE2 syntax;");
    }

    @Test
    void emptyOrHugeValuesAreBadRequests() {
        assertBadRequest(new Matcher.Regex(""), "regex: \"\" (expected: 1-2048 characters)");
        assertBadRequest(new Matcher.Tag(""), "tag: \"\" (expected: non-empty)");
        assertBadRequest(new Matcher.Prefix(""), "prefix: \"\" (expected: non-empty)");
        assertBadRequest(new Matcher.Exact(""), "target: \"\" (expected: non-empty)");
        assertThatThrownBy(() -> CompiledMatcher.compile(new Matcher.Regex("a".repeat(2049))))
                .hasMessageEndingWith("...\" (expected: 1-2048 characters)");
    }

    private static void assertBadRequest(Matcher m, String message) {
        assertThatThrownBy(() -> CompiledMatcher.compile(m))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .hasMessage(message);
    }
}
