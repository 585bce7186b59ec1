package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Clock;
import dev.sluice.core.SiteId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * Fills, lookups, purges of every kind and the sweeper race, over targets with variants (none, or
 * selected by Accept-Language); every FRESH hit is checked against the purges that had returned
 * before the lookup started.
 */
class ConcurrentPurgeStressTest {

    private static final SiteId SITE = new SiteId("acme", "www");
    private static final int TARGETS = 40;
    private static final int PURGES = 3000;
    private static final int OPS_PER_READER = 60_000;
    private static final int OPS_PER_PURGE = 40;

    private final MemoryCacheStore store =
            new MemoryCacheStore(Clock.system(), new MemoryCacheSettings(1 << 26, 8, Duration.ofMinutes(1)));
    private final List<Purge> returned = new CopyOnWriteArrayList<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicLong ops = new AtomicLong();
    private final AtomicLong freshChecked = new AtomicLong();

    /** A purge that has returned, as the reference model sees it. */
    record Purge(long seq, BiPredicate<Integer, Integer> matches) {}

    // Variant 0 does not vary; 1 and 2 are the en and fr variants of Accept-Language.
    private static final List<String> VARIANTS = List.of(
            "", Variants.id(List.of("Accept-Language"), n -> "en"), Variants.id(List.of("Accept-Language"), n -> "fr"));

    @Test
    void nothingPurgedIsFreshAfterThePurgeReturned() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ConcurrentPurgeStressTest seed=" + seed);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> readers = List.of(
                    pool.submit(() -> fillAndRead(new SplittableRandom(seed + 1))),
                    pool.submit(() -> fillAndRead(new SplittableRandom(seed + 2))),
                    pool.submit(() -> fillAndRead(new SplittableRandom(seed + 3))));
            Future<?> sweeper = pool.submit(this::sweepUntilDone);
            Future<?> purger = pool.submit(() -> purge(new SplittableRandom(seed)));
            for (Future<?> r : readers) {
                r.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            purger.get(60, TimeUnit.SECONDS);
            sweeper.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("purges=%s freshHitsChecked=%s%n", store.appliedSeq(), freshChecked.get());
        assertThat(store.appliedSeq()).isGreaterThan(PURGES / 2);
        assertThat(freshChecked.get()).isGreaterThan(1000);
    }

    private void purge(SplittableRandom random) {
        for (long seq = 1; seq <= PURGES && !done.get(); seq++) {
            // Pace purges by reader progress so they interleave with fills and lookups.
            while (ops.get() < seq * OPS_PER_PURGE && !done.get()) {
                Thread.onSpinWait();
            }
            PurgeMode mode = random.nextBoolean() ? PurgeMode.HARD : PurgeMode.SOFT;
            int n = random.nextInt(TARGETS);
            switch (random.nextInt(10)) {
                case 0 -> sitePurge(seq, mode);
                case 1, 2 -> keyPurge(seq, n, mode);
                case 3 -> variantPurge(seq, n, mode);
                case 4, 5, 6 -> tagPurge(seq, (n % 2 == 0 ? "a" : "b") + n % 7 % 3, mode);
                default -> rulePurge(seq, n % 5, mode);
            }
        }
    }

    private void keyPurge(long seq, int n, PurgeMode mode) {
        store.purgeKey(key(n), mode, seq);
        returned.add(new Purge(seq, (i, v) -> i == n));
    }

    // Only what a request with Accept-Language: fr is served: the fr variant, or the non-varying one.
    private void variantPurge(long seq, int n, PurgeMode mode) {
        store.purgeVariants(key(n, 0), Map.of("Accept-Language", "fr"), mode, seq);
        returned.add(new Purge(seq, (i, v) -> i == n && v != 1));
    }

    private void tagPurge(long seq, String tag, PurgeMode mode) {
        store.purgeTag(SITE, tag, mode, seq);
        returned.add(new Purge(seq, (i, v) -> tags(i).contains(tag)));
    }

    private void rulePurge(long seq, int digit, PurgeMode mode) {
        store.purgeMatching(SITE, t -> t.endsWith(String.valueOf(digit)), "suffix " + digit, mode, seq);
        returned.add(new Purge(seq, (i, v) -> i % 10 == digit));
    }

    private void sitePurge(long seq, PurgeMode mode) {
        store.purgeSite(SITE, mode, seq);
        returned.add(new Purge(seq, (i, v) -> true));
    }

    private void fillAndRead(SplittableRandom random) {
        for (int op = 0; op < OPS_PER_READER; op++) {
            ops.incrementAndGet();
            int n = random.nextInt(TARGETS);
            int v = random.nextInt(VARIANTS.size());
            if (random.nextInt(3) == 0) {
                long token = store.fillToken();
                var _ = store.put(key(n, v), response(n, token), token);
            } else {
                int known = returned.size();
                CacheHit hit = store.get(key(n, v));
                if (hit != null && hit.freshness() == Freshness.FRESH) {
                    freshChecked.incrementAndGet();
                    assertNotPurged(n, v, hit, known);
                }
            }
        }
    }

    private void assertNotPurged(int n, int v, CacheHit hit, int known) {
        long token = Long.parseLong(hit.response().headers().getFirst().value());
        // Returned purges are in sequence order: only those after the fill token can matter.
        for (int i = known - 1; i >= 0 && returned.get(i).seq() > token; i--) {
            if (returned.get(i).matches().test(n, v)) {
                throw new AssertionError("/t%s variant %s (fill token %s) FRESH after purge %s"
                        .formatted(n, v, token, returned.get(i).seq()));
            }
        }
    }

    private void sweepUntilDone() {
        while (!done.get()) {
            store.sweep(16);
        }
    }

    private static CachedResponse response(int n, long token) {
        return new CachedResponse(
                200,
                List.of(new Header("X-Token", Long.toString(token))),
                new byte[16],
                null,
                null,
                -1,
                tags(n),
                System.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                Duration.ofMinutes(1).toNanos(),
                0);
    }

    private static Set<String> tags(int n) {
        return Set.of("a" + (n % 3), "b" + (n % 5 % 3));
    }

    private static CacheKey key(int n) {
        return new CacheKey(SITE, "/t" + n);
    }

    private static CacheKey key(int n, int variant) {
        return new CacheKey(SITE, "/t" + n, VARIANTS.get(variant));
    }
}
