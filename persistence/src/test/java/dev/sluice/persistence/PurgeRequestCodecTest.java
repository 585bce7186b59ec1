package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeRequestCodecTest {

    private static final SiteId SITE = new SiteId("acme", "www");

    @Test
    void everyMatcherKindRoundTrips() {
        PurgeRequest request = new PurgeRequest(
                SITE,
                List.of(
                        new Matcher.Exact("/a?x=1"),
                        new Matcher.Prefix("/blog/"),
                        new Matcher.Glob("/img/**/*.png"),
                        new Matcher.Regex("^/p[0-9]+\"\\\\$"),
                        new Matcher.Tag("env:*"),
                        new Matcher.All()),
                PurgeMode.SOFT);

        assertThat(PurgeRequestCodec.decode(PurgeRequestCodec.encode(request))).isEqualTo(request);
    }

    @Test
    void theStoredFormIsStable() {
        PurgeRequest request = new PurgeRequest(SITE, List.of(new Matcher.Tag("k"), new Matcher.All()), PurgeMode.HARD);

        assertThat(PurgeRequestCodec.encode(request))
                .isEqualTo("{\"v\":1,\"site\":{\"tenant\":\"acme\",\"name\":\"www\"},\"mode\":\"HARD\","
                        + "\"matchers\":[{\"kind\":\"tag\",\"value\":\"k\"},{\"kind\":\"all\"}]}");
    }

    @Test
    void corruptRecordsAreReported() {
        assertThatThrownBy(() -> PurgeRequestCodec.decode("{\"v\":2}"))
                .hasMessage("purge log: record not decoded: version 2 (expected: 1)");
        assertThatThrownBy(
                        () -> PurgeRequestCodec.decode(
                                "{\"v\":1,\"site\":{\"tenant\":\"a\",\"name\":\"b\"},\"mode\":\"HARD\",\"matchers\":[{\"kind\":\"ban\"}]}"))
                .hasMessage(
                        "purge log: record not decoded: matcher kind ban (expected: exact, prefix, glob, regex, tag or all)");
        assertThatThrownBy(() -> PurgeRequestCodec.decode("{\"v\":1,\"site\":{}}"))
                .hasMessage("purge log: record not decoded: field tenant missing");
        assertThatThrownBy(() -> PurgeRequestCodec.decode("not json"))
                .hasMessageStartingWith("purge log: record not decoded: ");
    }
}
