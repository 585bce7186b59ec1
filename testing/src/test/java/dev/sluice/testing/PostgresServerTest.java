package dev.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void databasesAreIsolatedAndRowsSurviveAStopAndACrash() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            String first = server.createDatabase();
            String second = server.createDatabase();
            assertThat(first).isNotEqualTo(second).startsWith("jdbc:postgresql://127.0.0.1:" + server.port() + "/");

            try (Connection connection = connect(server, first);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE purge (id int PRIMARY KEY, tag text NOT NULL)");
                statement.execute("INSERT INTO purge VALUES (1, 'news')");
            }
            assertThat(tag(server, first)).isEqualTo("news");
            assertThatThrownBy(() -> tag(server, second))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("purge");

            long pid = server.pid();
            server.stop();
            assertThat(ProcessHandle.of(pid)).isEmpty();
            assertThatThrownBy(() -> connect(server, first)).isInstanceOf(SQLException.class);

            server.restart();
            assertThat(server.pid()).isNotEqualTo(pid);
            assertThat(tag(server, first)).isEqualTo("news");

            server.kill9();
            assertThatThrownBy(() -> connect(server, first)).isInstanceOf(SQLException.class);
            server.restart();
            assertThat(tag(server, first)).isEqualTo("news");
        }
    }

    @Test
    void theSharedServerIsStartedOnceAndHandsOutFreshDatabases() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();

        assertThat(PostgresServer.shared()).isSameAs(server);
        try (Connection connection = connect(server, url)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static Connection connect(PostgresServer server, String url) throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    private static String tag(PostgresServer server, String url) throws SQLException {
        try (Connection connection = connect(server, url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT tag FROM purge WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
