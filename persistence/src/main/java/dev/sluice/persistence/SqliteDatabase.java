package dev.sluice.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite database file, shared by the content repository and the purge log.
 *
 * <p>Design notes. WAL journal with {@code synchronous=FULL}: a commit returns only after the WAL is
 * fsynced, so every acknowledged write survives kill -9 and power loss, and readers see the last
 * commit without blocking the writer. SQLite allows one writer at a time; rather than let concurrent
 * writers meet SQLITE_BUSY, all writes go through {@link #write}, which holds a fair lock around a
 * one-connection pool: writers queue in Java, never in SQLite. Reads run on their own pool, each in a
 * read transaction (one consistent snapshot even across several queries). Migrations run once on
 * open, on a connection of their own, before the pools exist. Foreign keys are enforced; a busy
 * timeout covers the rare wait on a WAL checkpoint.
 */
final class SqliteDatabase implements AutoCloseable {

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final HikariDataSource writer;
    private final HikariDataSource readers;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private SqliteDatabase(HikariDataSource writer, HikariDataSource readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** Opens (creating and migrating if needed) the database file. */
    static SqliteDatabase open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(dataSource(url));
        HikariDataSource writer = pool(url, "sluice-sqlite-writer", 1);
        try {
            return new SqliteDatabase(writer, pool(url, "sluice-sqlite-reader", READERS));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Runs work in a read transaction on a reader connection. */
    <T extends @Nullable Object> T read(SqlWork<T> work) {
        try (Connection connection = readers.getConnection()) {
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work in the one write transaction at a time; committed (and fsynced) when this returns. */
    <T extends @Nullable Object> T write(SqlWork<T> work) {
        writeLock.lock();
        try (Connection connection = writer.getConnection()) {
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        readers.close();
        writer.close();
    }

    /** A storage failure as the domain reports it. */
    static SluiceException failure(SQLException e) {
        return new SluiceException(ErrorKind.INTERNAL, "store: %s".formatted(e.getMessage()), e);
    }

    private static <T extends @Nullable Object> T inTransaction(Connection connection, SqlWork<T> work)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void migrate(SQLiteDataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static HikariDataSource pool(String url, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource(url));
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static SQLiteDataSource dataSource(String url) {
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
