package dev.sluice.it;

import dev.sluice.testing.PostgresServer;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link CrashDurabilityIT} with the node on PostgreSQL: kill -9 of Sluice, the database stays up. */
class PostgresCrashDurabilityIT extends CrashDurabilityIT {

    private static @org.jspecify.annotations.Nullable PostgresServer pg;
    private String url = "";

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

    /** PostgreSQL's amcheck on every index of the node's database (heap and B-tree structure). */
    @Override
    String integrityCheck() throws SQLException {
        PostgresServer server = java.util.Objects.requireNonNull(pg);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, server.user(), server.password());
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS amcheck");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT count(bt_index_check(c.oid, true)) FROM pg_index i"
                    + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE am.amname = 'btree'"
                    + " AND n.nspname = 'public'")) {
                rs.next();
                return rs.getLong(1) > 0 ? "ok" : "no indexes checked";
            }
        }
    }

    @Override
    NodeConfig config() {
        PostgresServer server = java.util.Objects.requireNonNull(pg);
        try {
            url = server.createDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return super.config().store("{ kind: postgres, url: \"%s\", user: %s }".formatted(url, server.user()));
    }
}
