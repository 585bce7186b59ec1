package dev.sluice.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Freshness;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalPurgeServiceTest {

    private static final SiteId SITE = new SiteId("acme", "www");

    private final ManualClock clock = new ManualClock();
    private final InMemoryPurgeLog log = new InMemoryPurgeLog(clock);
    private final MemoryCacheStore store = new MemoryCacheStore(clock, 1 << 24);
    private final LocalPurgeService service = LocalPurgeService.following(log, new PurgeApplier(store));

    @Test
    void purgeIsAppliedBeforeSubmitReturns() {
        fill(store, "/blog/a");
        fill(store, "/docs/a");

        PurgeCommand c = service.submit(request(PurgeMode.SOFT, new Matcher.Glob("/blog/**")));

        assertThat(c.seq()).isEqualTo(1);
        assertThat(c.issuedAt()).isEqualTo(clock.instant());
        assertThat(freshness("/blog/a")).isEqualTo(Freshness.STALE_IF_ERROR);
        assertThat(freshness("/docs/a")).isEqualTo(Freshness.FRESH);
        assertThat(log.readAfter(0, 10)).containsExactly(c);
    }

    @Test
    void invalidRequestIsRefusedBeforeItIsLogged() {
        assertThatThrownBy(() -> service.submit(request(PurgeMode.HARD, new Matcher.Tag("ok"), new Matcher.Regex("["))))
                .isInstanceOf(SluiceException.class);

        assertThat(log.lastSeq()).isZero();
    }

    @Test
    void idsAreUniqueAndSequencesConsecutive() {
        PurgeCommand a = service.submit(request(PurgeMode.HARD, new Matcher.All()));
        PurgeCommand b = service.submit(request(PurgeMode.HARD, new Matcher.All()));

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(b.seq()).isEqualTo(a.seq() + 1);
    }

    @Test
    void subscribersHearOfAppendsAndAnotherNodeAppliesThem() throws Exception {
        MemoryCacheStore otherNode = new MemoryCacheStore(clock, 1 << 24);
        PurgeApplier otherApplier = new PurgeApplier(otherNode);
        fill(otherNode, "/a");
        List<Long> heard = new ArrayList<>();
        AutoCloseable failing = log.subscribe(c -> {
            throw new IllegalStateException("a broken subscriber");
        });
        AutoCloseable subscription = log.subscribe(c -> {
            heard.add(c.seq());
            otherApplier.accept(c, log);
        });

        service.submit(request(PurgeMode.HARD, new Matcher.Exact("/a")));
        subscription.close();
        failing.close();
        service.submit(request(PurgeMode.HARD, new Matcher.All()));

        assertThat(heard).containsExactly(1L);
        assertThat(otherNode.get(new CacheKey(SITE, "/a"))).isNull();
        assertThat(otherApplier.catchUp(log)).isEqualTo(1);
        assertThat(otherNode.appliedSeq()).isEqualTo(2);
    }

    private Freshness freshness(String target) {
        return Objects.requireNonNull(store.get(new CacheKey(SITE, target))).freshness();
    }

    private void fill(MemoryCacheStore s, String target) {
        CachedResponse r = new CachedResponse(
                200,
                List.of(),
                new byte[1],
                null,
                null,
                -1,
                Set.of(),
                clock.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                0,
                Duration.ofMinutes(1).toNanos());
        s.put(new CacheKey(SITE, target), r, s.fillToken());
    }

    private static PurgeRequest request(PurgeMode mode, Matcher... matchers) {
        return new PurgeRequest(SITE, List.of(matchers), mode);
    }
}
