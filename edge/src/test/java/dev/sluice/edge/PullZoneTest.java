package dev.sluice.edge;

import static dev.sluice.edge.PullFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.http.HttpDates;
import dev.sluice.edge.origin.SiteCachePolicy;
import dev.sluice.purge.Matcher;
import dev.sluice.testing.FakeReply;
import dev.sluice.testing.RecordedRequest;
import java.time.Duration;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull zones, origin → client → client: forwarding, freshness rules, what is refused, tags. */
class PullZoneTest {

    private PullFixture f;

    @BeforeEach
    void begin() throws Exception {
        f = new PullFixture(SiteCachePolicy.DEFAULT);
    }

    private void start(SiteCachePolicy policy) throws Exception {
        if (!policy.equals(SiteCachePolicy.DEFAULT)) {
            f.close();
            f = new PullFixture(policy);
        }
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void forwardsWithHostRewrittenAndQueryThenServesHits() throws Exception {
        start(SiteCachePolicy.DEFAULT);
        f.origin.always("/base/a", FakeReply.ok("A").header("Cache-Control", "max-age=60"));
        ContentResponse miss = f.request("/a?x=1")
                .headers(h -> h.put("Connection", "X-Hop").put("X-Hop", "1").put("X-Keep", "k"))
                .send();
        assertThat(miss.getContentAsString()).isEqualTo("A");
        assertThat(cacheStatus(miss)).isEqualTo("Sluice; fwd=miss; stored");
        RecordedRequest sent = f.origin.lastRequest("/base/a");
        assertThat(sent.query()).isEqualTo("x=1");
        assertThat(sent.header("Host")).isEqualTo("origin.acme.test");
        assertThat(sent.header("X-Forwarded-Host")).isEqualTo(PullFixture.HOST);
        assertThat(sent.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(sent.header("X-Keep")).isEqualTo("k");
        assertThat(sent.has("X-Hop")).isFalse();

        f.clock.advance(Duration.ofSeconds(15));
        ContentResponse hit = f.get("/a?x=1");
        assertThat(hit.getContentAsString()).isEqualTo("A");
        assertThat(cacheStatus(hit)).isEqualTo("Sluice; hit; ttl=45");
        assertThat(hit.getHeaders().get("Age")).isEqualTo("15");
        assertThat(f.get("/a?x=2").getContentAsString()).isEqualTo("A"); // another key
        assertThat(f.hits("/a")).isEqualTo(2);
    }

    @Test
    void anAgeFromTheOriginCountsOnceAgainstTheLifetime() throws Exception {
        start(SiteCachePolicy.DEFAULT);
        f.origin.always(
                "/base/aged",
                FakeReply.ok("AGED").header("Cache-Control", "max-age=60").header("Age", "30"));
        assertThat(cacheStatus(f.get("/aged"))).isEqualTo("Sluice; fwd=miss; stored");
        f.clock.advance(Duration.ofSeconds(20));
        ContentResponse hit = f.get("/aged");
        assertThat(cacheStatus(hit)).isEqualTo("Sluice; hit; ttl=10");
        assertThat(hit.getHeaders().get("Age")).isEqualTo("50");
        f.clock.advance(Duration.ofSeconds(9));
        assertThat(cacheStatus(f.get("/aged"))).isEqualTo("Sluice; hit; ttl=1");
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(cacheStatus(f.get("/aged"))).isEqualTo("Sluice; fwd=stale; stored");
        assertThat(f.hits("/aged")).isEqualTo(2);
    }

    @Test
    void targetedFieldsWinOverCacheControlAndAreNotForwarded() throws Exception {
        start(SiteCachePolicy.DEFAULT);
        f.origin.always(
                "/base/s",
                FakeReply.ok("S")
                        .header("Cache-Control", "no-store")
                        .header("Surrogate-Control", "max-age=100")
                        .header("CDN-Cache-Control", "max-age=5"));
        f.origin.always(
                "/base/c",
                FakeReply.ok("C").header("Cache-Control", "private").header("CDN-Cache-Control", "max-age=100"));
        f.origin.always("/base/s-max", FakeReply.ok("M").header("Cache-Control", "max-age=5, s-maxage=100"));
        for (String path : new String[] {"/s", "/c", "/s-max"}) {
            ContentResponse first = f.get(path);
            assertThat(first.getHeaders().contains("Surrogate-Control")).isFalse();
            assertThat(first.getHeaders().contains("CDN-Cache-Control")).isFalse();
        }
        f.clock.advance(Duration.ofSeconds(50));
        for (String path : new String[] {"/s", "/c", "/s-max"}) {
            assertThat(cacheStatus(f.get(path))).as(path).isEqualTo("Sluice; hit; ttl=50");
            assertThat(f.hits(path)).isEqualTo(1);
        }
    }

    @Test
    void expiresAndTheSiteDefaultTtl() throws Exception {
        start(new SiteCachePolicy(Duration.ofSeconds(30), true, false, false, false));
        String expires = HttpDates.format(f.clock.instant().getEpochSecond() + 60);
        f.origin.always("/base/e", FakeReply.ok("E").header("Expires", expires));
        f.origin.always("/base/d", FakeReply.ok("D"));
        f.get("/e");
        f.get("/d");
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(cacheStatus(f.get("/e"))).startsWith("Sluice; hit");
        assertThat(cacheStatus(f.get("/d"))).isEqualTo("Sluice; hit; ttl=10");
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(cacheStatus(f.get("/d"))).isEqualTo("Sluice; fwd=stale; stored");
        assertThat(f.hits("/e")).isEqualTo(1);
        assertThat(f.hits("/d")).isEqualTo(2);
    }

    @Test
    void withoutFreshnessNothingIsStoredByDefault() throws Exception {
        start(SiteCachePolicy.DEFAULT);
        f.origin.always("/base/n", FakeReply.ok("N"));
        assertThat(cacheStatus(f.get("/n"))).isEqualTo("Sluice; fwd=uri-miss; fwd-status=200; detail=no-ttl");
        f.get("/n");
        assertThat(f.hits("/n")).isEqualTo(2);
    }

    @Test
    void privateNoStoreCookiesAndAuthorizationAreNotCached() throws Exception {
        start(SiteCachePolicy.DEFAULT);
        f.origin.always("/base/p", FakeReply.ok("P").header("Cache-Control", "private, max-age=60"));
        f.origin.always("/base/ns", FakeReply.ok("NS").header("Cache-Control", "no-store, max-age=60"));
        f.origin.always(
                "/base/k",
                FakeReply.ok("K").header("Cache-Control", "max-age=60").header("Set-Cookie", "s=1"));
        f.origin.always("/base/au", FakeReply.ok("AU").header("Cache-Control", "public, max-age=60"));
        for (int i = 0; i < 2; i++) {
            assertThat(cacheStatus(f.get("/p"))).contains("detail=private");
            assertThat(cacheStatus(f.get("/ns"))).contains("detail=no-store");
            assertThat(cacheStatus(f.get("/k"))).contains("detail=set-cookie");
            ContentResponse au = f.request("/au")
                    .headers(h -> h.put("Authorization", "Bearer t"))
                    .send();
            assertThat(cacheStatus(au)).isEqualTo("Sluice; fwd=uri-miss; fwd-status=200; detail=bypass");
        }
        assertThat(f.hits("/p") + f.hits("/ns") + f.hits("/k") + f.hits("/au")).isEqualTo(8);
        assertThat(f.origin.lastRequest("/base/au").header("Authorization")).isEqualTo("Bearer t");
    }

    @Test
    void theSiteMayCachePrivateCookiesAndAuthorizedRequests() throws Exception {
        start(new SiteCachePolicy(Duration.ZERO, true, true, true, true));
        f.origin.always("/base/p", FakeReply.ok("P").header("Cache-Control", "private, max-age=60"));
        f.origin.always(
                "/base/k",
                FakeReply.ok("K").header("Cache-Control", "max-age=60").header("Set-Cookie", "s=1"));
        f.origin.always("/base/au", FakeReply.ok("AU").header("Cache-Control", "max-age=60"));
        for (int i = 0; i < 2; i++) {
            f.get("/p");
            ContentResponse k = f.get("/k");
            assertThat(k.getContentAsString()).isEqualTo("K");
            f.request("/au").headers(h -> h.put("Authorization", "Bearer t")).send();
        }
        assertThat(f.hits("/p") + f.hits("/k") + f.hits("/au")).isEqualTo(3);
        assertThat(f.get("/k").getHeaders().contains("Set-Cookie")).isFalse(); // never stored
    }

    @Test
    void tagsFromAllThreeHeadersAreSplitPerVendorAndStripped() throws Exception {
        start(SiteCachePolicy.DEFAULT);
        f.origin.always(
                "/base/t",
                FakeReply.ok("T")
                        .header("Cache-Control", "max-age=600")
                        .header("Surrogate-Key", "sk1 sk2")
                        .header("Cache-Tag", "ct1, ct 2")
                        .header("Cache-Keys", "ck1,ck2 ck3"));
        ContentResponse first = f.get("/t");
        assertThat(first.getHeaders().contains("Surrogate-Key")).isFalse();
        assertThat(first.getHeaders().contains("Cache-Tag")).isFalse();
        assertThat(first.getHeaders().contains("Cache-Keys")).isFalse();
        int expected = 1;
        for (String tag : new String[] {"sk2", "ct 2", "ck3", "ck1"}) {
            assertThat(cacheStatus(f.get("/t"))).startsWith("Sluice; hit");
            f.purge(new Matcher.Tag(tag), PurgeMode.HARD);
            assertThat(cacheStatus(f.get("/t"))).as(tag).isEqualTo("Sluice; fwd=miss; stored");
            assertThat(f.hits("/t")).isEqualTo(++expected);
        }
        f.purge(new Matcher.Tag("ct"), PurgeMode.HARD);
        assertThat(cacheStatus(f.get("/t"))).startsWith("Sluice; hit");
    }
}
