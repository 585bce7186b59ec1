package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.SiteId;
import dev.sluice.testing.ManualClock;
import org.junit.jupiter.api.Test;

class EvictionTest {

    @Test
    void staysWithinTheByteBudgetAndCountsEvictions() {
        ManualClock clock = new ManualClock();
        long budget = 100_000;
        MemoryCacheStore store = new MemoryCacheStore(clock, budget);
        SiteId site = new SiteId("acme", "www");
        long weight = Responses.sized(clock, 1000).weight();

        for (int i = 0; i < 500; i++) {
            store.put(new CacheKey(site, "/f" + i), Responses.sized(clock, 1000), store.fillToken());
        }
        store.cleanUp();

        assertThat(store.weightedSize()).isLessThanOrEqualTo(budget);
        assertThat(store.size()).isEqualTo(store.weightedSize() / weight);
        assertThat(store.stats().evictions()).isEqualTo(500 - store.size());
        assertThat(store.stats().evictions()).isGreaterThan(350);
    }
}
