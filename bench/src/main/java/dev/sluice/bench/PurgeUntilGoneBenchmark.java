package dev.sluice.bench;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.cache.SweepResult;
import dev.sluice.purge.TargetRegex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Purge until gone, one purge per freshly filled store: a HARD purge of the tag every object
 * carries ({@code all}: 100% of 100k or 1M) and of a regex matching 10%. {@code *UntilMiss} is the
 * call plus the first lookup of a matching object, which must miss (the objects are gone for
 * clients); {@code *UntilReclaimed} adds a full sweep, after which their memory is released.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
// JMH calls @Setup before any benchmark method runs.
@SuppressWarnings("NullAway.Init")
public class PurgeUntilGoneBenchmark {

    @Param({"100000", "1000000"})
    public int objects;

    private MemoryCacheStore store;
    private final TargetRegex dir3 = TargetRegex.compile("/dir3/.*");

    @Setup(Level.Iteration)
    public void fill() {
        store = Fixtures.store(objects);
    }

    @Benchmark
    public boolean tagAllUntilMiss() {
        store.purgeTag(Fixtures.SITE, "all", PurgeMode.HARD, 1);
        return missed(Fixtures.key(objects / 2));
    }

    @Benchmark
    public SweepResult tagAllUntilReclaimed() {
        store.purgeTag(Fixtures.SITE, "all", PurgeMode.HARD, 1);
        return reclaimed(0);
    }

    @Benchmark
    public boolean regex10UntilMiss() {
        store.purgeMatching(Fixtures.SITE, dir3, dir3.toString(), PurgeMode.HARD, 1);
        return missed(Fixtures.key(3));
    }

    @Benchmark
    public SweepResult regex10UntilReclaimed() {
        store.purgeMatching(Fixtures.SITE, dir3, dir3.toString(), PurgeMode.HARD, 1);
        return reclaimed(objects - objects / 10);
    }

    private boolean missed(CacheKey key) {
        if (store.get(key) != null) {
            throw new IllegalStateException("purged object still served: " + key);
        }
        return true;
    }

    private SweepResult reclaimed(long expectedLeft) {
        SweepResult r = store.sweep(Integer.MAX_VALUE);
        if (store.size() != expectedLeft) {
            throw new IllegalStateException(
                    "size after sweep: %s (expected: %s)".formatted(store.size(), expectedLeft));
        }
        return r;
    }
}
