package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.purge.PurgeCommand;
import dev.sluice.testing.ManualClock;
import dev.sluice.testing.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Two stores (two pools, two writer threads, as two processes would have) write one PostgreSQL log at
 * once while a reader follows it by sequence, as an edge does: sequences stay gapless and the reader,
 * which only ever reads after the highest sequence it has seen, misses none.
 */
class PostgresConcurrentWritersTest {

    @Test
    void twoWritersOneLogAndAFollowerThatNeverSkips() throws Exception {
        PostgresServer server = PostgresServer.shared();
        PostgresStore.Settings settings = PostgresStores.settings(server, server.createDatabase());
        ManualClock clock = new ManualClock();
        List<Long> followed = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        try (PostgresStore a = PostgresStores.open(settings, clock, 1024);
                PostgresStore b = PostgresStores.open(settings, clock, 1024);
                ExecutorService pool = Executors.newFixedThreadPool(9)) {
            Future<?> follower = pool.submit(() -> {
                long after = 0;
                while (!done.get() || after < 400) {
                    for (PurgeCommand c : b.purgeLog().readAfter(after, 50)) {
                        followed.add(c.seq());
                        after = c.seq();
                    }
                }
                return null;
            });
            List<Future<PurgeCommand>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                PostgresStore store = i % 2 == 0 ? a : b;
                String id = "w" + i;
                writes.add(pool.submit(() -> store.purgeLog().append(id, PurgeLogContract.exact("/" + id))));
            }
            for (Future<PurgeCommand> w : writes) {
                w.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            follower.get(60, TimeUnit.SECONDS);
        }
        List<Long> all = LongStream.rangeClosed(1, 400).boxed().toList();
        assertThat(followed).as("read in order, none skipped, none twice").containsExactlyElementsOf(all);
    }
}
