package dev.sluice.bench;

import dev.sluice.cache.CacheHit;
import dev.sluice.cache.CacheKey;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.purge.TargetRegex;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lookup and fill cost on a store of 100k objects, with no purge rules pending and with 1,000
 * pending regex rules that match nothing. Each object is checked against pending rules once, at its
 * first lookup after they arrive (1,000 regex evaluations); setup does those first lookups, so the
 * benchmark measures steady-state hits, which see only the entry's watermark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
// JMH calls @Setup before any benchmark method runs.
@SuppressWarnings("NullAway.Init")
public class CacheBenchmark {

    private static final int OBJECTS = 100_000;

    @Param({"0", "1000"})
    public int pendingRules;

    private MemoryCacheStore store;
    private CacheKey[] keys;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        store = Fixtures.store(OBJECTS);
        keys = Fixtures.keys(OBJECTS);
        for (int i = 1; i <= pendingRules; i++) {
            TargetRegex nothing = TargetRegex.compile("/nowhere" + i + "/.*");
            store.purgeMatching(Fixtures.SITE, nothing, nothing.toString(), PurgeMode.HARD, i);
        }
        for (CacheKey k : keys) {
            store.get(k);
        }
    }

    @Benchmark
    public @Nullable CacheHit hit() {
        return store.get(keys[nextIndex()]);
    }

    @Benchmark
    public void put() {
        int i = nextIndex();
        store.put(keys[i], Fixtures.response(i), store.fillToken());
    }

    private int nextIndex() {
        // A stride coprime to the size walks every key without a shared random generator.
        next = (next + 7919) % OBJECTS;
        return next;
    }
}
