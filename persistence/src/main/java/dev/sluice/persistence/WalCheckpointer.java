package dev.sluice.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * PASSIVE checkpoint every {@value #INTERVAL_MILLIS} ms on its own connection, which copies what no
 * reader still needs without blocking the writer or readers. Each checkpoint is fsynced
 * ({@code synchronous=FULL}), so nothing acknowledged depends on it: the WAL is durable before.
 * A failure is logged and retried at the next tick; the WAL then grows until a checkpoint succeeds.
 */
final class WalCheckpointer implements AutoCloseable {

    static final long INTERVAL_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource source;
    private final Thread thread;
    private volatile boolean closed;

    WalCheckpointer(DataSource source) {
        this.source = source;
        this.thread = Thread.ofPlatform().name("sluice-wal-checkpoint").daemon().start(this::run);
    }

    private void run() {
        while (!closed) {
            try (Connection c = source.getConnection();
                    Statement s = c.createStatement()) {
                while (!closed) {
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    Thread.sleep(INTERVAL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                log.error("SQLite checkpoint failed; retrying", e);
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
