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
        assertThat(PurgeRoute.urlMatcher(url)).isEqualTo(new Matcher.Exact(target));
    }

    @ParameterizedTest
    @CsvSource({"/Blog/*, /blog/", "/blog*, /blog", "/a//b/*, /a/b/", "/A/index.html*, /a"})
    void trailingStarPurgesTheCanonicalPrefix(String url, String prefix) {
        assertThat(PurgeRoute.urlMatcher(url)).isEqualTo(new Matcher.Prefix(prefix));
    }

    @ParameterizedTest
    @CsvSource({"/*", "*", "https://www.example.com/*"})
    void rootStarPurgesTheSite(String url) {
        assertThat(PurgeRoute.urlMatcher(url)).isEqualTo(new Matcher.All());
    }

    @ParameterizedTest
    @CsvSource({"/a/*/b", "/a/**", "/../etc/passwd", "/a?b=1"})
    void otherPatternsAreRefused(String url) {
        assertThatThrownBy(() -> PurgeRoute.urlMatcher(url)).isInstanceOf(SluiceException.class);
    }
}
