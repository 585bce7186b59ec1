package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SiteId;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SweeperTest {

    private static final SiteId SITE = new SiteId("acme", "www");

    private final ManualClock clock = new ManualClock();
    private MemoryCacheStore store = new MemoryCacheStore(clock, 1 << 24);

    @Test
    void completedPassRetiresRulesAndReclaimsHardPurgedObjects() {
        fill(10, "/blog/");
        fill(10, "/docs/");
        store.purgeMatching(SITE, t -> t.startsWith("/blog/"), "prefix /blog/", PurgeMode.HARD, 1);
        store.purgeMatching(SITE, t -> t.startsWith("/docs/1"), "prefix /docs/1", PurgeMode.SOFT, 2);
        assertThat(store.stats().pendingRules()).isEqualTo(2);

        SweepResult total = sweepFullPass(3);

        assertThat(total.removed()).isEqualTo(10);
        assertThat(total.rulesRetired()).isEqualTo(2);
        assertThat(store.stats().pendingRules()).isZero();
        assertThat(store.size()).isEqualTo(10);
        assertThat(store.get(key("/blog/3"))).isNull();
        assertThat(Hits.hit(store, key("/docs/1")).freshness()).isEqualTo(Freshness.STALE_WHILE_REVALIDATE);
        assertThat(Hits.hit(store, key("/docs/2")).freshness()).isEqualTo(Freshness.FRESH);
    }

    @Test
    void passThatStartedBeforeARuleDoesNotRetireIt() {
        fill(4, "/blog/");
        assertThat(store.sweep(1).passCompleted()).isFalse();

        store.purgeMatching(SITE, t -> t.endsWith("/2"), "glob /blog/*2", PurgeMode.HARD, 1);
        SweepResult rest = store.sweep(100);

        assertThat(rest.passCompleted()).isTrue();
        assertThat(rest.rulesRetired()).isZero();
        assertThat(store.stats().pendingRules()).isEqualTo(1);
        assertThat(sweepFullPass(100).rulesRetired()).isEqualTo(1);
        assertThat(store.get(key("/blog/2"))).isNull();
        assertThat(Hits.hit(store, key("/blog/1")).freshness()).isEqualTo(Freshness.FRESH);
    }

    @Test
    void completedPassRetiresTagAndKeyMarks() {
        fill(3, "/a/", "t1");
        store.purgeTag(SITE, "t1", PurgeMode.HARD, 1);
        store.purgeKey(key("/nowhere"), PurgeMode.HARD, 2);
        assertThat(store.stats().marks()).isEqualTo(2);

        SweepResult pass = sweepFullPass(2);

        assertThat(pass.removed()).isEqualTo(3);
        assertThat(store.stats().marks()).isZero();
        assertThat(store.size()).isZero();
    }

    @Test
    void fillOlderThanARetiredPurgeIsDroppedRatherThanServedFresh() {
        long token = store.fillToken();
        store.purgeTag(SITE, "t1", PurgeMode.SOFT, 1);
        sweepFullPass(10);
        assertThat(store.stats().marks()).isZero();

        store.put(key("/late"), Responses.fresh(clock, Duration.ofHours(1), "t1"), token);

        assertThat(store.get(key("/late"))).isNull();
        assertThat(store.stats().droppedFills()).isEqualTo(1);
    }

    @Test
    void ruleListIsBoundedByFoldingTheOldestIntoASitePurge() {
        store = new MemoryCacheStore(clock, new MemoryCacheSettings(1 << 24, 2, Duration.ZERO));
        store.put(key("/old"), Responses.fresh(clock, Duration.ofHours(1)), store.fillToken());
        store.put(key("/checked"), Responses.fresh(clock, Duration.ofHours(1)), store.fillToken());
        store.purgeMatching(SITE, t -> t.equals("/x1"), "exact /x1", PurgeMode.HARD, 1);
        // Looked up after rule 1: checked against it, so folding rule 1 away cannot touch it.
        assertThat(Hits.hit(store, key("/checked")).freshness()).isEqualTo(Freshness.FRESH);
        store.put(key("/newer"), Responses.fresh(clock, Duration.ofHours(1)), store.fillToken());

        store.purgeMatching(SITE, t -> t.equals("/x2"), "exact /x2", PurgeMode.HARD, 2);
        store.purgeMatching(SITE, t -> t.equals("/x3"), "exact /x3", PurgeMode.HARD, 3);

        assertThat(store.stats().pendingRules()).isEqualTo(2);
        assertThat(store.stats().foldedRules()).isEqualTo(1);
        assertThat(store.get(key("/old"))).isNull();
        assertThat(Hits.hit(store, key("/checked")).freshness()).isEqualTo(Freshness.FRESH);
        assertThat(Hits.hit(store, key("/newer")).freshness()).isEqualTo(Freshness.FRESH);
    }

    @Test
    void foldedSoftRulesMarkStaleInsteadOfEvicting() {
        store = new MemoryCacheStore(clock, new MemoryCacheSettings(1 << 24, 1, Duration.ZERO));
        store.put(key("/old"), Responses.of(clock, 0, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ZERO), 0);

        store.purgeMatching(SITE, t -> t.equals("/x1"), "exact /x1", PurgeMode.SOFT, 1);
        store.purgeMatching(SITE, t -> t.equals("/x2"), "exact /x2", PurgeMode.SOFT, 2);

        assertThat(Hits.hit(store, key("/old")).freshness()).isEqualTo(Freshness.STALE_WHILE_REVALIDATE);
    }

    @Test
    void sweepRemovesSoftPurgedObjectsOncePastEveryWindow() {
        store = new MemoryCacheStore(clock, new MemoryCacheSettings(1 << 24, 16, Duration.ZERO));
        fill(2, "/s/", "t1");
        store.purgeTag(SITE, "t1", PurgeMode.SOFT, 1);
        assertThat(sweepFullPass(10).removed()).isZero();

        clock.advance(Duration.ofSeconds(61));

        assertThat(sweepFullPass(10).removed()).isEqualTo(2);
        assertThat(store.stats().expirations()).isEqualTo(2);
    }

    @Test
    void rejectsANonPositiveBudget() {
        assertThatThrownBy(() -> store.sweep(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("budget: 0 (expected: > 0)");
    }

    private SweepResult sweepFullPass(int budget) {
        int visited = 0;
        int removed = 0;
        for (int calls = 0; calls < 1000; calls++) {
            SweepResult r = store.sweep(budget);
            visited += r.visited();
            removed += r.removed();
            if (r.passCompleted()) {
                return new SweepResult(visited, removed, true, r.rulesRetired());
            }
        }
        throw new AssertionError("sweep did not complete a pass");
    }

    private void fill(int n, String dir, String... tags) {
        for (int i = 0; i < n; i++) {
            CachedResponse r =
                    Responses.of(clock, 0, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(60), tags);
            store.put(key(dir + i), r, store.fillToken());
        }
    }

    private static CacheKey key(String target) {
        return new CacheKey(SITE, target);
    }
}
