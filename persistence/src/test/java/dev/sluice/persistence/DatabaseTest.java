package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionIsDurableWalWithForeignKeys() {
        try (Database db = Database.sqlite(dir.resolve("t.db"))) {
            for (String pragmas : new String[] {db.write(DatabaseTest::pragmas), db.read(DatabaseTest::pragmas)}) {
                // synchronous FULL is 2
                assertThat(pragmas).isEqualTo("wal 2 1 10000");
            }
        }
    }

    @Test
    void aFailedWriteLeavesNothing() {
        try (Database db = Database.sqlite(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> db.write(c -> {
                        insertSeq(c, "a");
                        throw SluiceException.badRequest("stop");
                    }))
                    .hasMessage("stop");
            assertThatThrownBy(() -> db.write(c -> {
                        insertSeq(c, "b");
                        insertSeq(c, "b");
                        return null;
                    }))
                    .isInstanceOfSatisfying(
                            SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL))
                    .hasMessageStartingWith("store: ");

            long rows = db.read(DatabaseTest::count);
            assertThat(rows).isZero();
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.sqlite(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> db.write(c -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO content_revision (entry_id, revision_number, type, md5, byte_length,"
                                        + " date_timestamp, headers, info, redirect_code) VALUES (42, 1, 'FILE', 'x', 0, 0, '{}', '{}', 0)")) {
                            return ps.executeUpdate();
                        }
                    }))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    private static String pragmas(Connection c) throws SQLException {
        return one(c, "PRAGMA journal_mode") + " " + one(c, "PRAGMA synchronous") + " " + one(c, "PRAGMA foreign_keys")
                + " " + one(c, "PRAGMA busy_timeout");
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void insertSeq(Connection c, String site) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO content_site_seq (tenant, site, seq) VALUES ('t', ?, 1)")) {
            ps.setString(1, site);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c) throws SQLException {
        return Long.parseLong(one(c, "SELECT COUNT(*) FROM content_site_seq"));
    }
}
