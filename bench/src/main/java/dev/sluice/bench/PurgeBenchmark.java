package dev.sluice.bench;

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
 * What a purge costs at issue on a store of 100k or 1M objects (tag and regex: independent of the
 * store's size by design), and what the sweeper takes to apply a regex matching 10% of 1M objects.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@State(Scope.Benchmark)
// JMH calls @Setup before any benchmark method runs.
@SuppressWarnings("NullAway.Init")
public class PurgeBenchmark {

    @Param({"100000", "1000000"})
    public int objects;

    private MemoryCacheStore store;
    private long seq;

    // A fresh store per iteration keeps the pending rule list from growing across iterations.
    @Setup(Level.Iteration)
    public void fill() {
        store = Fixtures.store(objects);
        seq = 0;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void tagPurge() {
        seq++;
        store.purgeTag(Fixtures.SITE, "t" + (seq % 1000), PurgeMode.SOFT, seq);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void regexPurge() {
        seq++;
        TargetRegex dir = TargetRegex.compile("/dir" + (seq % 10) + "/.*");
        store.purgeMatching(Fixtures.SITE, dir, dir.toString(), PurgeMode.SOFT, seq);
    }

    /** One full sweep pass applying a fresh regex rule matching 10% of the objects. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SweepResult regexSweep(RegexRule rule) {
        rule.issue(store, ++seq);
        return store.sweep(Integer.MAX_VALUE);
    }

    /** The regex the sweep applies; SOFT so every pass sees all objects again. */
    @State(Scope.Benchmark)
    public static class RegexRule {
        private final TargetRegex dir3 = TargetRegex.compile("/dir3/.*");

        void issue(MemoryCacheStore store, long seq) {
            store.purgeMatching(Fixtures.SITE, dir3, dir3.toString() + " #" + seq, PurgeMode.SOFT, seq);
        }
    }
}
