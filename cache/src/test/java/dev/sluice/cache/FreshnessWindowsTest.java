package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SiteId;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FreshnessWindowsTest {

    private static final CacheKey KEY = new CacheKey(new SiteId("acme", "www"), "/a");

    private final ManualClock clock = new ManualClock();
    private final MemoryCacheStore store = new MemoryCacheStore(clock, 1 << 20);

    @Test
    void movesThroughFreshThenEachStaleWindowThenExpired() {
        store.put(KEY, Responses.of(clock, 0, secs(10), secs(5), secs(20)), store.fillToken());

        assertHit(Freshness.FRESH, 0, 10);
        clock.advance(secs(9));
        assertHit(Freshness.FRESH, 9, 1);
        clock.advance(secs(1));
        assertHit(Freshness.STALE_WHILE_REVALIDATE, 10, 0);
        clock.advance(secs(4));
        assertHit(Freshness.STALE_WHILE_REVALIDATE, 14, -4);
        clock.advance(secs(1));
        assertHit(Freshness.STALE_IF_ERROR, 15, -5);
        clock.advance(secs(15));
        assertHit(Freshness.EXPIRED, 30, -20);
    }

    @Test
    void ageAtStoreCountsAgainstTheTtl() {
        store.put(KEY, Responses.of(clock, 8, secs(10), secs(0), secs(0)), store.fillToken());

        assertHit(Freshness.FRESH, 8, 2);
        clock.advance(secs(2));
        assertHit(Freshness.EXPIRED, 10, 0);
    }

    @Test
    void zeroTtlIsStaleAtOnce() {
        store.put(KEY, Responses.of(clock, 0, secs(0), secs(3), secs(0)), store.fillToken());

        assertHit(Freshness.STALE_WHILE_REVALIDATE, 0, 0);
    }

    @Test
    void hugeLifetimesDoNotOverflow() {
        CachedResponse forever =
                Responses.of(clock, 0, Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MAX_VALUE), secs(0));
        store.put(KEY, forever, store.fillToken());
        clock.advance(Duration.ofDays(3650));

        CacheHit hit = Hits.hit(store, KEY);
        assertThat(hit.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(hit.remainingTtlSeconds()).isPositive();
    }

    @Test
    void keepsExpiredObjectsForRevalidationThenDropsThem() {
        MemoryCacheStore keeping =
                new MemoryCacheStore(clock, new MemoryCacheSettings(1 << 20, 16, Duration.ofMinutes(1)));
        keeping.put(KEY, Responses.fresh(clock, secs(10)), keeping.fillToken());

        clock.advance(secs(69));
        assertThat(keeping.get(KEY)).extracting(CacheHit::freshness).isEqualTo(Freshness.EXPIRED);
        clock.advance(secs(1));
        assertThat(keeping.get(KEY)).isNull();
        keeping.cleanUp();
        assertThat(keeping.stats().expirations()).isEqualTo(1);
    }

    @Test
    void rejectsNegativeLifetimesAndFutureTokens() {
        CachedResponse negative = Responses.of(clock, 0, secs(-1), secs(0), secs(0));
        assertThatThrownBy(() -> store.put(KEY, negative, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttlNanos: -1000000000 (expected: >= 0)");
        assertThatThrownBy(() -> store.put(KEY, Responses.fresh(clock, secs(1)), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fillToken: 5 (expected: 0-0)");
    }

    private void assertHit(Freshness freshness, long age, long remaining) {
        CacheHit hit = Hits.hit(store, KEY);
        assertThat(hit.freshness()).isEqualTo(freshness);
        assertThat(hit.ageSeconds()).isEqualTo(age);
        assertThat(hit.remainingTtlSeconds()).isEqualTo(remaining);
    }

    private static Duration secs(long s) {
        return Duration.ofSeconds(s);
    }
}
