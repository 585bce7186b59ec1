package dev.sluice.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.PurgeCommand;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One database, SQLite or PostgreSQL, shared by every repository of the store.
 *
 * <p>Design notes. Writes go through one {@link CommitQueue}: one writer connection, one thread, one
 * commit per batch, each caller's work in its own savepoint. Reads run on their own bounded pool, each
 * in a read transaction (one consistent snapshot across several queries). Migrations (Flyway: the
 * common set plus one vendor folder for what the two dialects spell differently) run once on open,
 * before the pools exist.
 *
 * <p>SQLite: WAL journal with {@code synchronous=FULL}, so a commit returns only after the WAL is
 * fsynced and readers never block the writer; checkpoints run beside the writer ({@link
 * WalCheckpointer}); foreign keys enforced; a busy timeout covers the rare
 * wait on a checkpoint. PostgreSQL: several processes may write at once, so every batch first takes a
 * transaction-scoped advisory lock: batches of all processes commit one at a time, ids taken as
 * {@code MAX + 1} stay unique, and purge sequences become visible in order (a reader that sees seq N
 * sees every seq below it). A database out of reach answers UNAVAILABLE (503, Retry-After) within
 * the pools' connection timeout, and the pools reconnect by themselves when it returns.
 */
final class Database implements AutoCloseable {

    /** Who runs the database; decides the migration folder and the batch's first statement. */
    enum Vendor {
        SQLITE("sqlite"),
        POSTGRESQL("postgresql");

        final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }
    }

    private static final int SQLITE_READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final long LOG_LOCK = 0x511CEL;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Vendor vendor;
    private final HikariDataSource writer;
    private final HikariDataSource readers;
    private final CommitQueue queue;
    private final @Nullable WalCheckpointer checkpointer;

    private Database(Vendor vendor, HikariDataSource writer, HikariDataSource readers) {
        this.vendor = vendor;
        this.writer = writer;
        this.readers = readers;
        this.queue = new CommitQueue("sluice-store-writer", writer, begin(vendor), Database::failure);
        this.checkpointer = vendor == Vendor.SQLITE ? new WalCheckpointer(readers) : null;
    }

    /** Opens (creating and migrating if needed) a SQLite database file. */
    static Database sqlite(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(sqliteSource(url), Vendor.SQLITE);
        // Checkpoints run on their own thread (WalCheckpointer), never inside a commit.
        HikariDataSource writer = pool(sqliteSource(url), "sluice-sqlite-writer", 1, "PRAGMA wal_autocheckpoint=0");
        try {
            return new Database(
                    Vendor.SQLITE, writer, pool(sqliteSource(url), "sluice-sqlite-reader", SQLITE_READERS, null));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Connects to (and migrates) a PostgreSQL database.
     *
     * @param readers the read pool's size
     */
    static Database postgres(String url, String user, String password, int readers, Duration connectTimeout) {
        try (HikariDataSource migrations = postgresPool(url, user, password, "sluice-pg-migrate", 2, connectTimeout)) {
            migrate(migrations, Vendor.POSTGRESQL);
        }
        HikariDataSource writer = postgresPool(url, user, password, "sluice-pg-writer", 1, connectTimeout);
        try {
            return new Database(
                    Vendor.POSTGRESQL,
                    writer,
                    postgresPool(url, user, password, "sluice-pg-reader", readers, connectTimeout));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    Vendor vendor() {
        return vendor;
    }

    /** Runs work in a read transaction on a reader connection. */
    <T extends @Nullable Object> T read(SqlWork<T> work) {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                rollbackQuietly(connection);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs work in a transaction of its own on a pooled connection, outside the write queue: for
     * writes that need no order with the log (content-addressed blobs) and must not hold it up.
     */
    <T extends @Nullable Object> T transact(SqlWork<T> work) {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Rolls back, keeping the failure that got us here: a connection the server dropped fails the
     * rollback too, and the pool discards it on return. (The pool resets auto-commit on return.)
     */
    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The original failure is what the caller reports.
        }
    }

    /** Runs work in the next write batch; committed (and fsynced) and its purges applied on return. */
    <T extends @Nullable Object> T write(SqlWork<T> work) {
        return queue.write(work);
    }

    /** Records a purge command appended by the write running now. */
    void appended(PurgeCommand command) {
        queue.appended(command);
    }

    /** Sets who gets each batch's purge commands after its commit. */
    void onCommitted(Consumer<List<PurgeCommand>> listener) {
        queue.onCommitted(listener);
    }

    @Override
    public void close() {
        queue.close();
        if (checkpointer != null) {
            checkpointer.close();
        }
        readers.close();
        writer.close();
    }

    /** A storage failure as the domain reports it: UNAVAILABLE when the database is out of reach. */
    static SluiceException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean unreachable = e instanceof SQLTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("57P")
                || state.equals("53300");
        if (unreachable) {
            return SluiceException.unavailable("store: unavailable (%s)".formatted(e.getMessage()), RETRY_AFTER, e);
        }
        return new SluiceException(ErrorKind.INTERNAL, "store: %s".formatted(e.getMessage()), e);
    }

    private static CommitQueue.Begin begin(Vendor vendor) {
        if (vendor == Vendor.SQLITE) {
            return c -> {};
        }
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, LOG_LOCK);
                ps.execute();
            }
        };
    }

    private static void migrate(DataSource dataSource, Vendor vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder)
                .load()
                .migrate();
    }

    private static HikariDataSource pool(DataSource source, String name, int size, @Nullable String initSql) {
        HikariConfig config = new HikariConfig();
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        config.setDataSource(source);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static HikariDataSource postgresPool(
            String url, String user, String password, String name, int size, Duration connectTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setValidationTimeout(Math.min(connectTimeout.toMillis(), 1000));
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectTimeout.toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", true);
        return new HikariDataSource(config);
    }

    private static SQLiteDataSource sqliteSource(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }
}
