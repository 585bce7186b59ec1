package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact purges of the variants selected by request headers, as stored in the purge log. */
class PurgeRequestCodecVariantsTest {

    private static final SiteId SITE = new SiteId("acme", "pull");

    @Test
    void headerSelectedExactPurgesRoundTrip() {
        PurgeRequest request = new PurgeRequest(
                SITE,
                List.of(
                        new Matcher.Exact("/p", Map.of("Accept-Language", "fr", "X-Device", "mobile \"1\"")),
                        new Matcher.Exact("/every-variant")),
                PurgeMode.HARD);

        assertThat(PurgeRequestCodec.decode(PurgeRequestCodec.encode(request))).isEqualTo(request);
    }

    @Test
    void theStoredFormNamesTheHeadersInOrderAndOmitsThemForEveryVariant() {
        PurgeRequest request = new PurgeRequest(
                SITE,
                List.of(new Matcher.Exact("/p", Map.of("X-B", "2", "X-A", "1")), new Matcher.Exact("/q")),
                PurgeMode.SOFT);

        assertThat(PurgeRequestCodec.encode(request))
                .isEqualTo("{\"v\":1,\"site\":{\"tenant\":\"acme\",\"name\":\"pull\"},\"mode\":\"SOFT\","
                        + "\"matchers\":[{\"kind\":\"exact\",\"value\":\"/p\",\"headers\":{\"X-A\":\"1\",\"X-B\":\"2\"}},"
                        + "{\"kind\":\"exact\",\"value\":\"/q\"}]}");
    }
}
