package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.SiteId;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PurgePrimitivesTest {

    private static final CacheKey OTHER_SITE = new CacheKey(new SiteId("acme", "shop"), "/blog/a");
    private static final CacheKey UNTAGGED_ELSEWHERE = new CacheKey(Primitive.SITE, "/docs/b");

    private final ManualClock clock = new ManualClock();
    private final MemoryCacheStore store = new MemoryCacheStore(clock, 1 << 20);

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void hardPurgeEvictsOnlyWhatItMatches(Primitive primitive) {
        fill();

        primitive.purge(store, PurgeMode.HARD, 1);

        assertThat(store.get(Primitive.TARGET)).isNull();
        assertThat(freshness(OTHER_SITE)).isEqualTo(Freshness.FRESH);
        Freshness elsewhere = primitive == Primitive.SITE_WIDE ? null : Freshness.FRESH;
        assertThat(freshness(UNTAGGED_ELSEWHERE)).isEqualTo(elsewhere);
        assertThat(store.appliedSeq()).isEqualTo(1);
        assertThat(store.stats().purgeRemovals()).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void softPurgeServesStaleWithinWindowsMeasuredFromThePurge(Primitive primitive) {
        fill();
        clock.advance(Duration.ofSeconds(100));

        primitive.purge(store, PurgeMode.SOFT, 1);

        CacheHit hit = Hits.hit(store, Primitive.TARGET);
        assertThat(hit.freshness()).isEqualTo(Freshness.STALE_WHILE_REVALIDATE);
        assertThat(hit.ageSeconds()).isEqualTo(100);
        assertThat(hit.remainingTtlSeconds()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.STALE_IF_ERROR);
        clock.advance(Duration.ofSeconds(30));
        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.EXPIRED);
        assertThat(freshness(OTHER_SITE)).isEqualTo(Freshness.FRESH);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void laterSoftPurgeDoesNotRestartTheStaleWindows(Primitive primitive) {
        fill();
        primitive.purge(store, PurgeMode.SOFT, 1);
        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.STALE_WHILE_REVALIDATE);
        clock.advance(Duration.ofSeconds(40));

        primitive.purge(store, PurgeMode.SOFT, 2);

        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.STALE_IF_ERROR);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void fillThatStartedBeforeThePurgeIsNotFresh(Primitive primitive) {
        long token = store.fillToken();

        primitive.purge(store, PurgeMode.HARD, 1);
        store.put(Primitive.TARGET, response(), token);

        assertThat(store.get(Primitive.TARGET)).isNull();
        assertThat(store.stats().droppedFills()).isEqualTo(1);
        store.put(Primitive.TARGET, response(), store.fillToken());
        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.FRESH);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void softPurgeDuringAFillStoresItStale(Primitive primitive) {
        long token = store.fillToken();

        primitive.purge(store, PurgeMode.SOFT, 1);
        clock.advance(Duration.ofSeconds(5));
        store.put(Primitive.TARGET, response(), token);

        CacheHit hit = Hits.hit(store, Primitive.TARGET);
        assertThat(hit.freshness()).isEqualTo(Freshness.STALE_WHILE_REVALIDATE);
        assertThat(hit.remainingTtlSeconds()).isEqualTo(-5);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void reapplyingAPurgeSpareFillsThatStartedAfterIt(Primitive primitive) {
        primitive.purge(store, PurgeMode.HARD, 1);
        fill();

        primitive.purge(store, PurgeMode.HARD, 1);

        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.FRESH);
        assertThat(store.appliedSeq()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void hardAfterSoftEvicts(Primitive primitive) {
        fill();
        primitive.purge(store, PurgeMode.SOFT, 1);
        assertThat(freshness(Primitive.TARGET)).isEqualTo(Freshness.STALE_WHILE_REVALIDATE);

        primitive.purge(store, PurgeMode.HARD, 2);

        assertThat(store.get(Primitive.TARGET)).isNull();
    }

    private void fill() {
        long token = store.fillToken();
        store.put(Primitive.TARGET, response(), token);
        store.put(OTHER_SITE, response(), token);
        store.put(UNTAGGED_ELSEWHERE, Responses.fresh(clock, Duration.ofHours(1)), token);
    }

    private CachedResponse response() {
        return Responses.of(clock, 0, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(60), "t1", "t2");
    }

    private @Nullable Freshness freshness(CacheKey key) {
        CacheHit hit = store.get(key);
        return hit == null ? null : hit.freshness();
    }
}
