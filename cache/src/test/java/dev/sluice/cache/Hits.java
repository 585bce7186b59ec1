package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;

/** Lookups that must hit. */
final class Hits {

    private Hits() {}

    static CacheHit hit(CacheStore store, CacheKey key) {
        CacheHit hit = store.get(key);
        assertThat(hit).as("hit for %s", key).isNotNull();
        return Objects.requireNonNull(hit);
    }
}
