package dev.sluice.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.MemoryCacheSettings;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.cache.Variants;
import dev.sluice.core.SiteId;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random fills (some delayed across purges), purges of every matcher kind and mode, sweeps and
 * clock moves; every lookup is checked against {@link ReferenceModel}.
 */
class RandomPurgeModelTest {

    private static final List<SiteId> SITES = List.of(new SiteId("acme", "www"), new SiteId("acme", "shop"));
    private static final List<String> LANGUAGES = List.of("en", "fr", "de");
    private static final List<String> DEVICES = List.of("mobile", "desktop");
    private static final List<String> SEGMENTS = List.of("a", "b", "ab", "x.jpg", "y.png", "a*b");
    private static final List<String> REGEXES =
            List.of("/a/.*", ".*\\.jpg", "/(a|b)/[^/]*", ".*\\?v=[0-9]+", "/ab/.*/y\\.png", "/a\\*b.*");

    private final ManualClock clock = new ManualClock();
    private final MemoryCacheStore store =
            new MemoryCacheStore(clock, new MemoryCacheSettings(1L << 30, 4096, Duration.ofDays(30)));
    private final LocalPurgeService service =
            LocalPurgeService.following(new InMemoryPurgeLog(clock), new PurgeApplier(store));
    private final ReferenceModel model = new ReferenceModel();

    /** Replay a failure with {@code -Dsluice.seed=<seed>} (surefire passes system properties through). */
    @Test
    void everyLookupAgreesWithTheBruteForceModel() {
        Long fixed = Long.getLong("sluice.seed");
        for (int round = 0; round < (fixed == null ? 4 : 1); round++) {
            long seed = fixed == null ? System.nanoTime() + round : fixed;
            System.out.println("RandomPurgeModelTest seed=" + seed);
            run(new SplittableRandom(seed), seed);
        }
    }

    private void run(SplittableRandom random, long seed) {
        CacheKey delayedKey = null;
        long delayedToken = 0;
        for (int op = 0; op < 2500; op++) {
            CacheKey key = new CacheKey(SITES.get(random.nextInt(2)), target(random), variant(random));
            switch (random.nextInt(12)) {
                case 0, 1, 2 -> fill(key, store.fillToken(), random);
                case 3 -> {
                    if (delayedKey == null) {
                        delayedKey = key;
                        delayedToken = store.fillToken();
                    } else {
                        fill(delayedKey, delayedToken, random);
                        delayedKey = null;
                    }
                }
                case 4, 5 -> purge(random, key);
                case 6 -> clock.advance(Duration.ofSeconds(random.nextInt(30)));
                case 7 -> {
                    // A sweep pass over a pending fill could make it drop conservatively; the model is exact.
                    if (delayedKey == null) {
                        store.sweep(1 + random.nextInt(64));
                    }
                }
                default -> check(key, seed, op);
            }
        }
    }

    private void fill(CacheKey key, long token, SplittableRandom random) {
        Set<String> tags = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            tags.add("t" + random.nextInt(5));
        }
        CachedResponse r = new CachedResponse(
                200,
                List.of(),
                new byte[8],
                null,
                null,
                -1,
                Set.copyOf(tags),
                clock.nanoTime(),
                random.nextInt(3),
                Duration.ofSeconds(random.nextInt(300)).toNanos(),
                Duration.ofSeconds(random.nextInt(60)).toNanos(),
                Duration.ofSeconds(random.nextInt(120)).toNanos());
        store.put(key, r, token);
        model.put(key, r, token);
    }

    private void purge(SplittableRandom random, CacheKey near) {
        String t = near.target();
        String dir = t.substring(0, t.lastIndexOf('/') + 1);
        Matcher m = switch (random.nextInt(7)) {
            case 0 -> random.nextBoolean() ? new Matcher.Exact(t) : new Matcher.Exact(t, selecting(random));
            case 1 -> new Matcher.Prefix(dir);
            case 2 ->
                new Matcher.Glob(dir + List.of("*", "**", "a*", "*.jpg", "a**g").get(random.nextInt(5)));
            case 3 -> new Matcher.Glob(t);
            case 4 -> new Matcher.Regex(REGEXES.get(random.nextInt(REGEXES.size())));
            case 5 -> new Matcher.Tag("t" + random.nextInt(5));
            default -> random.nextInt(5) == 0 ? new Matcher.All() : new Matcher.Tag("t" + random.nextInt(5));
        };
        PurgeRequest request =
                new PurgeRequest(near.site(), List.of(m), random.nextBoolean() ? PurgeMode.HARD : PurgeMode.SOFT);
        PurgeCommand c = service.submit(request);
        model.purge(c.seq(), request, clock.nanoTime());
    }

    private void check(CacheKey key, long seed, int op) {
        CacheHit hit = store.get(key);
        assertThat(hit == null ? null : hit.freshness())
                .as("seed %s op %s key %s", seed, op, key)
                .isEqualTo(model.expected(key, clock.nanoTime()));
    }

    // No variant, or one selected by Accept-Language, or by Accept-Language and X-Device.
    private static String variant(SplittableRandom random) {
        Map<String, String> request =
                Map.of("accept-language", pick(random, LANGUAGES), "x-device", pick(random, DEVICES));
        return switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> Variants.id(List.of("Accept-Language"), request::get);
            default -> Variants.id(List.of("X-Device", "Accept-Language"), request::get);
        };
    }

    // Header values of a purge that selects variants: one or both fields, either case for the name.
    private static Map<String, String> selecting(SplittableRandom random) {
        String lang = pick(random, LANGUAGES);
        String device = pick(random, DEVICES);
        return switch (random.nextInt(3)) {
            case 0 -> Map.of("Accept-Language", lang);
            case 1 -> Map.of("x-device", device);
            default -> Map.of("accept-language", lang, "X-Device", device);
        };
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String target(SplittableRandom random) {
        StringBuilder t = new StringBuilder();
        for (int depth = 1 + random.nextInt(3); depth > 0; depth--) {
            t.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
        }
        if (random.nextInt(4) == 0) {
            t.append(random.nextBoolean() ? "?v=" + random.nextInt(3) : "?next=/a");
        }
        return t.toString();
    }
}
