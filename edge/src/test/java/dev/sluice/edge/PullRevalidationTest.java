package dev.sluice.edge;

import static dev.sluice.edge.PullFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.PurgeMode;
import dev.sluice.edge.origin.SiteCachePolicy;
import dev.sluice.purge.Matcher;
import dev.sluice.testing.FakeReply;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pull zones, origin → client → purge or time → client: collapsing, revalidation, both stale modes
 * with the origin failing, HARD and SOFT purges, and a purge racing an origin answer.
 */
class PullRevalidationTest {

    private PullFixture f;

    @BeforeEach
    void begin() throws Exception {
        f = new PullFixture(SiteCachePolicy.DEFAULT, Duration.ofMillis(300));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void concurrentMissesMakeOneOriginRequest() throws Exception {
        f.origin.always("/base/hot", FakeReply.ok("HOT").header("Cache-Control", "max-age=60"));
        CompletableFuture<Void> gate = f.origin.gate("/base/hot");
        List<CompletableFuture<ContentResponse>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(new CompletableResponseListener(f.request("/hot")).send());
        }
        f.awaitHits("/hot", 1);
        while (f.edge.inflightFills() < 1) {
            Thread.onSpinWait();
        }
        gate.complete(null);
        int collapsed = 0;
        for (CompletableFuture<ContentResponse> r : replies) {
            ContentResponse reply = r.get();
            assertThat(reply.getContentAsString()).isEqualTo("HOT");
            collapsed += String.valueOf(cacheStatus(reply)).contains("collapsed") ? 1 : 0;
        }
        assertThat(f.hits("/hot")).isEqualTo(1);
        assertThat(collapsed).isPositive();
    }

    @Test
    void anExpiredCopyIsRevalidatedAndA304RefreshesIt() throws Exception {
        f.origin.enqueue(
                "/base/r",
                FakeReply.ok("V1").header("Cache-Control", "max-age=10").header("ETag", "\"v1\""));
        f.origin.enqueue(
                "/base/r",
                FakeReply.status(304).header("Cache-Control", "max-age=10").header("ETag", "\"v1\""));
        assertThat(f.get("/r").getContentAsString()).isEqualTo("V1");
        f.clock.advance(Duration.ofSeconds(20));
        ContentResponse revalidated = f.get("/r");
        assertThat(revalidated.getStatus()).isEqualTo(200);
        assertThat(revalidated.getContentAsString()).isEqualTo("V1");
        assertThat(cacheStatus(revalidated)).isEqualTo("Sluice; fwd=stale; fwd-status=304; detail=revalidated");
        assertThat(f.origin.lastRequest("/base/r").header("If-None-Match")).isEqualTo("\"v1\"");
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(cacheStatus(f.get("/r"))).startsWith("Sluice; hit");
        assertThat(f.hits("/r")).isEqualTo(2);
    }

    @Test
    void staleWhileRevalidateServesAtOnceAndRefreshesOnce() throws Exception {
        f.origin.enqueue(
                "/base/w", FakeReply.ok("OLD").header("Cache-Control", "max-age=10, stale-while-revalidate=60"));
        f.origin.always("/base/w", FakeReply.ok("NEW").header("Cache-Control", "max-age=10"));
        f.get("/w");
        f.clock.advance(Duration.ofSeconds(15));
        CompletableFuture<Void> gate = f.origin.gate("/base/w");
        for (int i = 0; i < 3; i++) {
            ContentResponse stale = f.get("/w");
            assertThat(stale.getContentAsString()).isEqualTo("OLD");
            assertThat(cacheStatus(stale)).isEqualTo("Sluice; hit; fwd=stale");
        }
        f.awaitHits("/w", 2);
        gate.complete(null);
        while (f.edge.inflightFills() > 0) {
            Thread.onSpinWait();
        }
        ContentResponse fresh = f.get("/w");
        assertThat(fresh.getContentAsString()).isEqualTo("NEW");
        assertThat(cacheStatus(fresh)).startsWith("Sluice; hit");
        assertThat(f.hits("/w")).isEqualTo(2);
    }

    @Test
    void staleIfErrorWhenTheOriginIsDownTimesOutOrAnswers5xx() throws Exception {
        for (String p : new String[] {"/down", "/slow", "/5xx"}) {
            f.origin.enqueue(
                    "/base" + p, FakeReply.ok("KEPT").header("Cache-Control", "max-age=1, stale-if-error=600"));
            f.get(p);
        }
        f.origin.always("/base/slow", FakeReply.hang());
        f.origin.always("/base/5xx", FakeReply.status(503));
        f.clock.advance(Duration.ofSeconds(5));
        ContentResponse slow = f.get("/slow");
        assertThat(slow.getContentAsString()).isEqualTo("KEPT");
        assertThat(cacheStatus(slow)).startsWith("Sluice; hit; fwd=stale");
        ContentResponse err = f.get("/5xx");
        assertThat(err.getContentAsString()).isEqualTo("KEPT");
        assertThat(cacheStatus(err)).isEqualTo("Sluice; hit; fwd=stale; detail=origin-503");
        f.origin.stop();
        ContentResponse down = f.get("/down");
        assertThat(down.getStatus()).isEqualTo(200);
        assertThat(down.getContentAsString()).isEqualTo("KEPT");
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.get("/down").getStatus()).isEqualTo(502);
    }

    @Test
    void softPurgeServesStaleWhileRefreshingAndHardPurgeRefetches() throws Exception {
        f.origin.always(
                "/base/x/a", FakeReply.ok("A").header("Cache-Control", "max-age=600, stale-while-revalidate=30"));
        f.origin.always(
                "/base/x/b", FakeReply.ok("B").header("Cache-Control", "max-age=600, stale-while-revalidate=30"));
        f.get("/x/a");
        f.get("/x/b");
        f.purge(new Matcher.Exact("/x/a"), PurgeMode.SOFT);
        assertThat(cacheStatus(f.get("/x/a"))).isEqualTo("Sluice; hit; fwd=stale");
        f.awaitHits("/x/a", 2);
        f.purge(new Matcher.Exact("/x/b"), PurgeMode.HARD);
        assertThat(cacheStatus(f.get("/x/b"))).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(f.hits("/x/b")).isEqualTo(2);
    }

    @Test
    void everyMatcherKindPurges() throws Exception {
        String[] paths = {"/m/exact", "/m/dir/one", "/m/dir/sub/two", "/m/glob/x.css", "/m/re/42", "/m/all"};
        Matcher[] matchers = {
            new Matcher.Exact("/m/exact"),
            new Matcher.Prefix("/m/dir/"),
            new Matcher.Prefix("/m/dir/"),
            new Matcher.Glob("/m/glob/*.css"),
            new Matcher.Regex("/m/re/[0-9]+"),
            new Matcher.All()
        };
        for (String p : paths) {
            f.origin.always("/base" + p, FakeReply.ok(p).header("Cache-Control", "max-age=600"));
            f.get(p);
        }
        for (int i = 0; i < paths.length; i++) {
            f.get(paths[i]); // refills what an earlier (recursive) matcher purged
            int before = f.hits(paths[i]);
            assertThat(cacheStatus(f.get(paths[i]))).startsWith("Sluice; hit");
            f.purge(matchers[i], PurgeMode.HARD);
            assertThat(cacheStatus(f.get(paths[i]))).as(matchers[i].toString()).isEqualTo("Sluice; fwd=miss; stored");
            assertThat(f.hits(paths[i])).isEqualTo(before + 1);
        }
    }

    @Test
    void aPurgeDuringTheOriginFetchInvalidatesItsAnswer() throws Exception {
        f.origin.always("/base/race", FakeReply.ok("R").header("Cache-Control", "max-age=600"));
        CompletableFuture<Void> gate = f.origin.gate("/base/race");
        CompletableFuture<ContentResponse> first = new CompletableResponseListener(f.request("/race")).send();
        f.awaitHits("/race", 1);
        f.purge(new Matcher.Exact("/race"), PurgeMode.HARD);
        gate.complete(null);
        assertThat(first.get().getContentAsString()).isEqualTo("R");
        assertThat(cacheStatus(first.get())).isEqualTo("Sluice; fwd=miss"); // dropped, so not "stored"
        assertThat(cacheStatus(f.get("/race"))).isEqualTo("Sluice; fwd=miss; stored");
        assertThat(f.hits("/race")).isEqualTo(2);
    }

    @Test
    void followersOfAFailedFillWithoutAStaleCopyForwardOnTheirOwn() throws Exception {
        f.origin.enqueue("/base/once", FakeReply.hang()); // the leader's fetch times out (300 ms)
        f.origin.always("/base/once", FakeReply.ok("LATER").header("Cache-Control", "max-age=60"));
        CompletableFuture<ContentResponse> leader = new CompletableResponseListener(f.request("/once")).send();
        f.awaitHits("/once", 1);
        List<CompletableFuture<ContentResponse>> followers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            followers.add(new CompletableResponseListener(f.request("/once")).send());
        }
        assertThat(leader.get().getStatus()).isEqualTo(504);
        for (CompletableFuture<ContentResponse> r : followers) {
            assertThat(r.get().getStatus()).isEqualTo(200);
            assertThat(r.get().getContentAsString()).isEqualTo("LATER");
        }
    }

    @Test
    void aLeaderWhoseClientLeavesDoesNotFailItsFollowers() throws Exception {
        // With a stale copy, a failed fill would serve it: the followers must get the new body instead.
        f.origin.enqueue("/base/left", FakeReply.ok("OLD").header("Cache-Control", "max-age=1, stale-if-error=600"));
        f.get("/left");
        f.clock.advance(Duration.ofSeconds(5));
        String big = "0123456789".repeat(4_500); // several chunks, under the 50,000-byte limit
        f.origin.always("/base/left", FakeReply.ok(big).header("Cache-Control", "max-age=60"));
        CompletableFuture<Void> gate = f.origin.gate("/base/left");
        try (Socket leader = new Socket(InetAddress.getLoopbackAddress(), f.edge.port())) {
            String req = "GET /left HTTP/1.1\r\nHost: " + PullFixture.HOST + "\r\n\r\n";
            leader.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            leader.getOutputStream().flush();
            f.awaitHits("/left", 2);
            leader.setSoLinger(true, 0); // reset, so the edge's writes fail
        }
        List<CompletableFuture<ContentResponse>> followers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            followers.add(new CompletableResponseListener(f.request("/left")).send());
        }
        gate.complete(null);
        for (CompletableFuture<ContentResponse> r : followers) {
            assertThat(r.get().getStatus()).isEqualTo(200);
            assertThat(r.get().getContentAsString().equals(big))
                    .as("the new body, not the stale copy")
                    .isTrue();
        }
    }
}
