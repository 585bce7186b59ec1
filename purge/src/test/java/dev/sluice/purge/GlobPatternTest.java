package dev.sluice.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rows of CDN Pro's {@code dirUrls} table, one by one, plus the literal-asterisk rule. */
class GlobPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        // .../mydir: all variations of that one key, not its children
        "/mydir, /mydir, true",
        "/mydir, /mydir/a.jpg, false",
        // .../mydir/**: everything whose key starts with .../mydir/
        "/mydir/**, /mydir/a.jpg, true",
        "/mydir/**, /mydir/sub/deeper/a.jpg, true",
        "/mydir/**, /mydir, false",
        "/mydir/**, /mydirectory/a.jpg, false",
        // .../mydir/*: files in the dir, not subdirs
        "/mydir/*, /mydir/a.jpg, true",
        "/mydir/*, /mydir/sub/a.jpg, false",
        "/mydir/*, /mydir/a.jpg?next=/x, true",
        // .../mydir/*.jpg: files in the dir ending .jpg, not subdirs
        "/mydir/*.jpg, /mydir/a.jpg, true",
        "/mydir/*.jpg, /mydir/a.png, false",
        "/mydir/*.jpg, /mydir/sub/a.jpg, false",
        // .../mydir/a*: files starting with a, not subdirs
        "/mydir/a*, /mydir/abc.txt, true",
        "/mydir/a*, /mydir/b.txt, false",
        "/mydir/a*, /mydir/a/b.txt, false",
        // .../mydir/a**: files and subdirs starting with a
        "/mydir/a**, /mydir/abc.txt, true",
        "/mydir/a**, /mydir/a/b/c.txt, true",
        "/mydir/a**, /mydir/b/a.txt, false",
        // .../mydir/a.jpg: all variations of that key
        "/mydir/a.jpg, /mydir/a.jpg, true",
        "/mydir/a.jpg, /mydir/a.jpg2, false",
        // .../my**jpg: starts with .../my and ends with jpg, any depth
        "/my**jpg, /mydirectory/picture.jpg, true",
        "/my**jpg, /my/a/b/c.jpg, true",
        "/my**jpg, /my/a.png, false",
        "/my**jpg, /your/a.jpg, false",
        // only the last wildcard counts: earlier asterisks are literal
        "/a*b/*.css, /a*b/x.css, true",
        "/a*b/*.css, /axb/x.css, false",
        "/a**b/**, /a**b/c/d, true",
        "/a**b/**, /axxb/c, false",
        "/x***, /x*/a/b, true",
        "/x***, /x/a, false",
        // prefix and suffix never overlap
        "/ab*ba, /aba, false",
        "/ab*ba, /abba, true",
    })
    void matchesLikeCdnPro(String pattern, String target, boolean expected) {
        assertThat(GlobPattern.parse(pattern).test(target)).isEqualTo(expected);
    }

    @Test
    void patternWithoutWildcardIsExact() {
        assertThat(GlobPattern.parse("/mydir/a.jpg").isExact()).isTrue();
        assertThat(GlobPattern.parse("/mydir/*").isExact()).isFalse();
    }

    @Test
    void emptyPatternIsABadRequest() {
        assertThatThrownBy(() -> GlobPattern.parse(""))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .hasMessage("glob: \"\" (expected: a non-empty pattern)");
    }
}
