package dev.sluice.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log into the database file from a thread of its own, so commits never
 * do it: with SQLite's automatic checkpoint (every 1,000 pages), one commit in a few hundred would
 * write and fsync the whole backlog before answering, which is what a client's p99 sees.
 *
 * <p>Design notes. The writer's connection has {@code wal_autocheckpoint=0}; this thread runs a
 * PASSIVE checkpoint every {@value #INTERVAL_MILLIS} ms on a pooled connection, which copies what no
 * reader still needs without blocking the writer or readers. Each checkpoint is fsynced
 * ({@code synchronous=FULL}), and nothing acknowledged depends on it: the WAL was durable before. A
 * failure is logged and the next tick tries again; the WAL grows until one succeeds.
 */
final class WalCheckpointer implements AutoCloseable {

    static final long INTERVAL_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource source;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sluice-wal-checkpoint").daemon().factory());

    WalCheckpointer(DataSource source) {
        this.source = source;
        var _ = timer.scheduleWithFixedDelay(this::checkpoint, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            // Caught so the schedule goes on: a failed tick is retried at the next.
            log.error("SQLite checkpoint failed; retrying in {} ms", INTERVAL_MILLIS, e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("SQLite checkpoint still running after 10 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
