package dev.sluice.dialect.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SluiceException;
import dev.sluice.purge.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurgeRouteTest {

    @ParameterizedTest
    @CsvSource({
        "/content, /content",
        "/Blog/My-Post/, /blog/my-post",
        "/blog/index.html, /blog",
        "/index.html, /",
        "/, /",
        "about, /about",
        "https://www.example.com/News/, /news",
        "http://www.example.com, /"
    })
    void pathsPurgeTheirCanonicalKey(String url, String target) {
        assertThat(PurgeRoute.urlMatchers(url)).containsExactly(new Matcher.Exact(target));
    }

    @ParameterizedTest
    @CsvSource({"/blog*, /blog", "/A/index.html*, /a"})
    void trailingStarPurgesTheCanonicalPrefix(String url, String prefix) {
        assertThat(PurgeRoute.urlMatchers(url)).containsExactly(new Matcher.Prefix(prefix));
    }

    @ParameterizedTest
    @CsvSource({"/Blog/*, /blog", "/a//b/*, /a/b"})
    void directoryStarPurgesTheDirectoryPageAndBelow(String url, String directory) {
        assertThat(PurgeRoute.urlMatchers(url))
                .containsExactly(new Matcher.Exact(directory), new Matcher.Prefix(directory + "/"));
    }

    @ParameterizedTest
    @CsvSource({"/*", "*", "https://www.example.com/*"})
    void rootStarPurgesTheSite(String url) {
        assertThat(PurgeRoute.urlMatchers(url)).containsExactly(new Matcher.All());
    }

    @ParameterizedTest
    @CsvSource({"/a/*/b", "/a/**", "/../etc/passwd", "/a?b=1"})
    void otherPatternsAreRefused(String url) {
        assertThatThrownBy(() -> PurgeRoute.urlMatchers(url)).isInstanceOf(SluiceException.class);
    }
}
