package dev.sluice.bench;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.MemoryCacheSettings;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.core.Clock;
import dev.sluice.core.SiteId;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Stores filled with {@code n} objects: targets {@code /dir<i % 10>/file<i>.jpg} (so a regex on one
 * directory matches 10%), each tagged {@code t<i % 1000>} and {@code all}, 1 KiB bodies shared.
 */
final class Fixtures {

    static final SiteId SITE = new SiteId("bench", "www");
    private static final byte[] BODY = new byte[1024];

    private Fixtures() {}

    static MemoryCacheStore store(int n) {
        // Budget with room to spare: benchmarks measure lookups and purges, not eviction.
        MemoryCacheStore store =
                new MemoryCacheStore(Clock.system(), new MemoryCacheSettings(4L * n * 2048, 4096, Duration.ofHours(1)));
        for (int i = 0; i < n; i++) {
            store.put(key(i), response(i), store.fillToken());
        }
        return store;
    }

    static CacheKey[] keys(int n) {
        CacheKey[] keys = new CacheKey[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(i);
        }
        return keys;
    }

    static CacheKey key(int i) {
        return new CacheKey(SITE, "/dir" + (i % 10) + "/file" + i + ".jpg");
    }

    static CachedResponse response(int i) {
        return new CachedResponse(
                200,
                List.of(),
                BODY,
                null,
                null,
                -1,
                Set.of("t" + (i % 1000), "all"),
                System.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                0,
                0);
    }
}
