package dev.sluice.persistence;

import static dev.sluice.persistence.Pushes.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeCommand;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A content change and its purge are one transaction: when the purge cannot be logged (the log's
 * insert fails, as on a full disk), the change is not made either, and a retry does both.
 */
class OneTransactionTest extends StoreTestBase {

    /** Runs SQL on the store's database from another connection. */
    void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("sluice.db"));
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    void failLogInserts() throws SQLException {
        sql("CREATE TRIGGER fail_log BEFORE INSERT ON purge_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    }

    void healLog() throws SQLException {
        sql("DROP TRIGGER fail_log");
    }

    @Test
    void aChangeWhosePurgeCannotBeLoggedIsNotMadeAndARetryDoesBoth() throws Exception {
        content.push(SITE, content("/a", "one"));
        long before = store.purgeLog().lastSeq();
        failLogInserts();

        assertThatThrownBy(() -> content.push(SITE, content("/a", "two")))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL));
        assertThatThrownBy(() -> content.unpublish(SITE, "/a")).isInstanceOf(SluiceException.class);

        assertThat(blob(content.revision(SITE, "/a", "published").md5())).isEqualTo("one");
        assertThat(content.entry(SITE, "/a").published()).isTrue();
        assertThat(content.revisions(SITE, "/a")).hasSize(1);
        assertThat(store.purgeLog().lastSeq()).isEqualTo(before);

        healLog();
        assertThat(content.push(SITE, content("/a", "two")).unchanged())
                .as("the retry is a change, not 'unchanged'")
                .isFalse();
        PurgeCommand purge = store.purgeLog().readAfter(before, 10).getFirst();
        assertThat(purge.request().matchers()).containsExactly(new Matcher.Exact("/a"));
    }
}
