package dev.sluice.bench;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.cache.MemoryCacheSettings;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.core.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Heap per cached object: fills a store with {@code n} small objects shaped like the peers' origin
 * objects ({@code /obj/<i/10000>/<i>}: a 34-byte text body, the headers nginx sends, tags
 * {@code tag-<i%1000>} and {@code all}), and prints heap used after a full GC divided by the count,
 * beside the store's own weight estimate and the body bytes.
 *
 * <pre>java -Xmx4g -XX:+UseG1GC -cp bench/target/benchmarks.jar dev.sluice.bench.MemoryPerObject 1000000</pre>
 */
public final class MemoryPerObject {

    private static final List<Header> HEADERS = List.of(
            new Header("Server", "nginx/1.22.1"),
            new Header("Date", "Mon, 23 Nov 2026 03:37:17 GMT"),
            new Header("Content-Type", "text/plain"),
            new Header("Cache-Control", "public, max-age=3600"),
            new Header("xkey", "tag-1 all"));

    private MemoryPerObject() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedAfterGc();
        MemoryCacheStore store =
                new MemoryCacheStore(Clock.system(), new MemoryCacheSettings(8L << 30, 4096, Duration.ofHours(1)));
        long bodyBytes = 0;
        for (int i = 0; i < n; i++) {
            String target = "/obj/" + (i / 10_000) + "/" + i;
            CachedResponse r = response(i, target);
            bodyBytes += r.body().length;
            store.put(new CacheKey(Fixtures.SITE, target), r, store.fillToken());
        }
        store.cleanUp();
        long after = usedAfterGc();
        double perObject = (double) (after - before) / store.size();
        System.out.printf(
                Locale.ROOT,
                "MEMORY objects=%d heap_delta_bytes=%d per_object_bytes=%.0f body_bytes_per_object=%.0f"
                        + " overhead_beyond_body_bytes=%.0f store_weight_per_object=%.0f%n",
                store.size(),
                after - before,
                perObject,
                (double) bodyBytes / n,
                perObject - (double) bodyBytes / n,
                (double) store.weightedSize() / store.size());
    }

    // Each object's headers are its own strings, as a fill parses them from the origin's reply.
    private static CachedResponse response(int i, String target) {
        byte[] body = ("sluice-origin object " + target + "\n").getBytes(StandardCharsets.US_ASCII);
        List<Header> headers = HEADERS.stream()
                .map(h -> new Header(new String(h.name()), new String(h.value())))
                .toList();
        return new CachedResponse(
                200,
                headers,
                body,
                null,
                null,
                -1,
                Set.of("tag-" + (i % 1000), "all"),
                System.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                0,
                0);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
