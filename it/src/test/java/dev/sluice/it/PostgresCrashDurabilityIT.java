package dev.sluice.it;

import dev.sluice.testing.PostgresServer;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link CrashDurabilityIT} with the node on PostgreSQL: kill -9 of Sluice, the database stays up. */
class PostgresCrashDurabilityIT extends CrashDurabilityIT {

    private static @org.jspecify.annotations.Nullable PostgresServer pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    NodeConfig config() {
        PostgresServer server = java.util.Objects.requireNonNull(pg);
        String url;
        try {
            url = server.createDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return super.config().store("{ kind: postgres, url: \"%s\", user: %s }".formatted(url, server.user()));
    }
}
