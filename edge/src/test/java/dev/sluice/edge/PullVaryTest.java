package dev.sluice.edge;

import static dev.sluice.edge.PullFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.PurgeMode;
import dev.sluice.edge.origin.SiteCachePolicy;
import dev.sluice.purge.Matcher;
import dev.sluice.testing.FakeReply;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vary in pull zones, origin → client → purge → client: one target, several variants selected by
 * the request's values of the Vary'd fields; exact purges of every variant or of those selected by
 * request headers; {@code Vary: *} never stored.
 */
class PullVaryTest {

    private PullFixture f;

    @BeforeEach
    void begin() throws Exception {
        f = new PullFixture(SiteCachePolicy.DEFAULT);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private ContentResponse get(String path, String language) throws Exception {
        return f.request(path).headers(h -> h.put("Accept-Language", language)).send();
    }

    private void twoLanguages(String path, String cacheControl) throws Exception {
        f.origin.enqueue("/base" + path, reply("EN", cacheControl));
        f.origin.enqueue("/base" + path, reply("FR", cacheControl));
        assertThat(get(path, "en").getContentAsString()).isEqualTo("EN");
        assertThat(get(path, "fr").getContentAsString()).isEqualTo("FR");
    }

    private static FakeReply reply(String body, String cacheControl) {
        return FakeReply.ok(body)
                .header("Cache-Control", cacheControl)
                .header("Vary", "Accept-Language, Accept-Encoding")
                .header("Surrogate-Key", "lang-" + body.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void eachVariantIsStoredAndSelectedByTheVaryFields() throws Exception {
        twoLanguages("/v", "max-age=60");
        ContentResponse en = get("/v", "en");
        assertThat(en.getContentAsString()).isEqualTo("EN");
        assertThat(cacheStatus(en)).startsWith("Sluice; hit");
        assertThat(en.getHeaders().get("Vary")).contains("Accept-Language");
        ContentResponse fr = f.request("/v")
                .headers(h -> h.put("Accept-Language", " fr ").put("Accept-Encoding", "gzip"))
                .send();
        assertThat(fr.getContentAsString()).isEqualTo("FR"); // normalised value, coding not a variant
        assertThat(cacheStatus(fr)).startsWith("Sluice; hit");
        assertThat(f.hits("/v")).isEqualTo(2);
    }

    @Test
    void varyStarIsNeverStored() throws Exception {
        f.origin.always(
                "/base/star",
                FakeReply.ok("S").header("Cache-Control", "max-age=60").header("Vary", "*"));
        ContentResponse first = f.get("/star");
        assertThat(cacheStatus(first)).isEqualTo("Sluice; fwd=uri-miss; fwd-status=200; detail=vary");
        f.get("/star");
        assertThat(f.hits("/star")).isEqualTo(2);
    }

    @Test
    void anExactPurgeRemovesEveryVariant() throws Exception {
        twoLanguages("/all", "max-age=60");
        f.origin.always("/base/all", reply("NEW", "max-age=60"));
        f.purge(new Matcher.Exact("/all"), PurgeMode.HARD);
        assertThat(get("/all", "en").getContentAsString()).isEqualTo("NEW");
        assertThat(get("/all", "fr").getContentAsString()).isEqualTo("NEW");
        assertThat(f.hits("/all")).isEqualTo(4);
    }

    @Test
    void aHeaderSelectedPurgeRemovesOnlyTheVariantsItSelects() throws Exception {
        twoLanguages("/sel", "max-age=60");
        f.origin.always("/base/sel", reply("FR2", "max-age=60"));
        f.purge(new Matcher.Exact("/sel", Map.of("accept-language", "fr")), PurgeMode.HARD);
        ContentResponse en = get("/sel", "en");
        assertThat(en.getContentAsString()).isEqualTo("EN");
        assertThat(cacheStatus(en)).startsWith("Sluice; hit");
        ContentResponse fr = get("/sel", "fr");
        assertThat(fr.getContentAsString()).isEqualTo("FR2");
        assertThat(cacheStatus(fr)).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(f.hits("/sel")).isEqualTo(3);
        f.purge(new Matcher.Exact("/sel", Map.of("X-Other", "1")), PurgeMode.HARD); // constrains nothing here
        assertThat(cacheStatus(get("/sel", "en"))).isEqualTo("Sluice; fwd=miss; stored");
    }

    @Test
    void aTagPurgeRemovesOnlyTheVariantsCarryingTheTag() throws Exception {
        twoLanguages("/tag", "max-age=60");
        f.purge(new Matcher.Tag("lang-en"), PurgeMode.HARD);
        assertThat(cacheStatus(get("/tag", "fr"))).startsWith("Sluice; hit");
        f.origin.always("/base/tag", reply("EN2", "max-age=60"));
        assertThat(get("/tag", "en").getContentAsString()).isEqualTo("EN2");
        assertThat(f.hits("/tag")).isEqualTo(3);
    }

    @Test
    void aStaleVariantIsRefreshedWithTheFieldsThatSelectedIt() throws Exception {
        twoLanguages("/swr", "max-age=10, stale-while-revalidate=60");
        f.origin.always("/base/swr", reply("FR-NEW", "max-age=60"));
        f.clock.advance(Duration.ofSeconds(15));
        ContentResponse stale = get("/swr", "fr");
        assertThat(stale.getContentAsString()).isEqualTo("FR");
        assertThat(cacheStatus(stale)).isEqualTo("Sluice; hit; fwd=stale");
        f.awaitHits("/swr", 3);
        assertThat(f.origin.lastRequest("/base/swr").header("Accept-Language")).isEqualTo("fr");
        while (f.edge.inflightFills() > 0) {
            Thread.onSpinWait();
        }
        assertThat(get("/swr", "fr").getContentAsString()).isEqualTo("FR-NEW");
        ContentResponse en = get("/swr", "en");
        assertThat(en.getContentAsString()).isEqualTo("EN");
        assertThat(cacheStatus(en)).isEqualTo("Sluice; hit; fwd=stale");
    }

    @Test
    void aVariantIsRevalidatedWithItsOwnValidatorAndA304RefreshesIt() throws Exception {
        f.origin.enqueue("/base/rv", reply("EN", "max-age=10").header("ETag", "\"en1\""));
        f.origin.enqueue("/base/rv", reply("FR", "max-age=10").header("ETag", "\"fr1\""));
        assertThat(get("/rv", "en").getContentAsString()).isEqualTo("EN");
        assertThat(get("/rv", "fr").getContentAsString()).isEqualTo("FR");
        f.origin.enqueue(
                "/base/rv",
                FakeReply.status(304)
                        .header("Cache-Control", "max-age=10")
                        .header("ETag", "\"fr1\"")
                        .header("Vary", "Accept-Language, Accept-Encoding"));
        f.clock.advance(Duration.ofSeconds(20));
        ContentResponse fr = get("/rv", "fr");
        assertThat(fr.getContentAsString()).isEqualTo("FR");
        assertThat(cacheStatus(fr)).isEqualTo("Sluice; fwd=stale; fwd-status=304; detail=revalidated");
        assertThat(f.origin.lastRequest("/base/rv").header("If-None-Match")).isEqualTo("\"fr1\"");
        assertThat(cacheStatus(get("/rv", "fr"))).startsWith("Sluice; hit");
        assertThat(f.hits("/rv")).isEqualTo(3);
    }
}
