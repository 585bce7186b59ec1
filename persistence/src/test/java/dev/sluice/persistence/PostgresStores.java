package dev.sluice.persistence;

import dev.sluice.core.Clock;
import dev.sluice.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;

/** PostgreSQL stores for tests: each on a fresh database of the JVM's shared throw-away server. */
final class PostgresStores {

    private PostgresStores() {}

    /** A store on a new, empty database. */
    static PostgresStore open(Clock clock, long maxBlobBytes) {
        try {
            PostgresServer server = PostgresServer.shared();
            return open(settings(server, server.createDatabase()), clock, maxBlobBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Another store on the same database: a second process sharing it. */
    static PostgresStore open(PostgresStore.Settings settings, Clock clock, long maxBlobBytes) {
        try {
            return PostgresStore.open(settings, clock, maxBlobBytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PostgresStore.Settings settings(PostgresServer server, String url) {
        return new PostgresStore.Settings(url, server.user(), server.password(), 4, Duration.ofSeconds(2), null);
    }
}
