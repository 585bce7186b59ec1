package dev.sluice.persistence;

import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.PurgeRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The purge log in the embedded SQLite database.
 *
 * <p>Design notes. Sequence numbers are {@code MAX(seq) + 1} taken inside the serialised write
 * transaction, so they start at 1 and have no gaps (a rolled-back append takes no number). An append
 * is durable (WAL fsynced) when it returns. Times are kept to the millisecond; the command returned by
 * {@link #append} carries the stored time, so it equals what {@link #readAfter} returns later.
 * Appending an id again returns the command already logged under it when the request is the same
 * (a retried submit) and is a CONFLICT when it differs.
 */
public final class SqlitePurgeLog implements PurgeLog {

    private static final String COLUMNS = "SELECT seq, id, request, issued_at_millis FROM purge_log";

    private final SqliteDatabase database;
    private final Clock clock;

    SqlitePurgeLog(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public PurgeCommand append(String id, PurgeRequest request) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String encoded = PurgeRequestCodec.encode(request);
        return database.write(c -> {
            PurgeCommand existing = byId(c, id);
            if (existing != null) {
                if (!existing.request().equals(request)) {
                    throw new SluiceException(
                            ErrorKind.CONFLICT, "purge id: %s (expected: unique per request)".formatted(id));
                }
                return existing;
            }
            long seq = lastSeq(c) + 1;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO purge_log (seq, id, request, issued_at_millis) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, id);
                ps.setString(3, encoded);
                ps.setLong(4, issuedAt.toEpochMilli());
                ps.executeUpdate();
            }
            return new PurgeCommand(seq, id, request, issuedAt);
        });
    }

    @Override
    public List<PurgeCommand> readAfter(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: %d (expected: >= 1)".formatted(limit));
        }
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                return commands(ps);
            }
        });
    }

    @Override
    public long lastSeq() {
        return database.read(SqlitePurgeLog::lastSeq);
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM purge_log");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static @Nullable PurgeCommand byId(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            ps.setString(1, id);
            List<PurgeCommand> found = commands(ps);
            return found.isEmpty() ? null : found.getFirst();
        }
    }

    private static List<PurgeCommand> commands(PreparedStatement ps) throws SQLException {
        List<PurgeCommand> commands = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                commands.add(new PurgeCommand(
                        rs.getLong("seq"),
                        rs.getString("id"),
                        PurgeRequestCodec.decode(rs.getString("request")),
                        Instant.ofEpochMilli(rs.getLong("issued_at_millis"))));
            }
        }
        return commands;
    }
}
