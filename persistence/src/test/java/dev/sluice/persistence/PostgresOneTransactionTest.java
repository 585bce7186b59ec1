package dev.sluice.persistence;

import dev.sluice.testing.PostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** {@link OneTransactionTest} against PostgreSQL. */
class PostgresOneTransactionTest extends OneTransactionTest {

    private String url = "";

    @Override
    Store open(long maxBlobBytes) throws IOException {
        try {
            PostgresServer server = PostgresServer.shared();
            url = server.createDatabase();
            return PostgresStores.open(PostgresStores.settings(server, url), clock, maxBlobBytes);
        } catch (SQLException | InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Override
    void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sluice", "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Override
    void failLogInserts() throws SQLException {
        sql(
                "CREATE FUNCTION fail_log() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
                        + " LANGUAGE plpgsql",
                "CREATE TRIGGER fail_log BEFORE INSERT ON purge_log FOR EACH ROW EXECUTE FUNCTION fail_log()");
    }

    @Override
    void healLog() throws SQLException {
        sql("DROP TRIGGER fail_log ON purge_log");
    }
}
