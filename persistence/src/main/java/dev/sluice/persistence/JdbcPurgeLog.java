package dev.sluice.persistence;

import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.FeedListeners;
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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The purge log in the store's database (SQLite or PostgreSQL), with the contract of {@link PurgeLog}.
 *
 * <p>Design notes. Sequence numbers are {@code MAX(seq) + 1} taken inside the write batch, which runs
 * alone (one writer thread; on PostgreSQL also under the batch's advisory lock across processes), so
 * they start at 1, have no gaps (a rolled-back append takes no number) and become visible in order.
 * {@link #appendIn} writes inside another record's transaction (a content change, a purge task): the
 * outbox. Commands are announced to subscribers by the commit queue after the commit. Times are kept
 * to the millisecond; the command returned carries the stored time, so it equals what
 * {@link #readAfter} returns later. Pruning deletes a prefix by sequence, so what remains is always
 * contiguous.
 */
public final class JdbcPurgeLog implements PurgeLog {

    private static final String COLUMNS = "SELECT seq, id, request, issued_at_millis FROM purge_log";

    private static final int PRUNE_CHUNK = 10_000;

    private final Database database;
    private final Clock clock;
    private final FeedListeners listeners = new FeedListeners();

    JdbcPurgeLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.onCommitted(listeners::announce);
    }

    @Override
    public PurgeCommand append(String id, PurgeRequest request) {
        return database.write(c -> appendIn(c, id, request));
    }

    /** Appends inside the write running on {@code c}; announced after that write's batch commits. */
    PurgeCommand appendIn(Connection c, String id, PurgeRequest request) throws SQLException {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PurgeCommand existing = byId(c, id);
        if (existing != null) {
            if (!existing.request().equals(request)) {
                throw new SluiceException(
                        ErrorKind.CONFLICT, "purge id: %s (expected: unique per request)".formatted(id));
            }
            return existing;
        }
        long seq = lastSeq(c) + 1;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO purge_log (seq, id, request, issued_at_millis) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, id);
            ps.setString(3, PurgeRequestCodec.encode(request));
            ps.setLong(4, issuedAt.toEpochMilli());
            ps.executeUpdate();
        }
        PurgeCommand command = new PurgeCommand(seq, id, request, issuedAt);
        database.appended(command);
        return command;
    }

    @Override
    public AutoCloseable subscribe(Consumer<PurgeCommand> listener) {
        return listeners.subscribe(listener);
    }

    @Override
    public long firstSeq() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM purge_log");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                return rs.wasNull() ? 1 : min;
            }
        });
    }

    /** Prunes in chunks, each its own write, so a long history never holds the writer for long. */
    @Override
    public int prune(Instant cutoff, long keepLast) {
        if (keepLast < 1) {
            throw new IllegalArgumentException("keepLast: %d (expected: >= 1)".formatted(keepLast));
        }
        int total = 0;
        while (true) {
            int deleted = database.write(c -> pruneChunk(c, cutoff, keepLast));
            total += deleted;
            if (deleted < PRUNE_CHUNK) {
                return total;
            }
        }
    }

    private static int pruneChunk(Connection c, Instant cutoff, long keepLast) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM purge_log WHERE seq <= ?"
                + " AND seq < (SELECT MIN(seq) FROM purge_log) + ?"
                + " AND seq < COALESCE((SELECT MIN(seq) FROM purge_log WHERE issued_at_millis >= ?), ?)")) {
            ps.setLong(1, lastSeq(c) - keepLast);
            ps.setLong(2, PRUNE_CHUNK);
            ps.setLong(3, cutoff.toEpochMilli());
            ps.setLong(4, Long.MAX_VALUE);
            return ps.executeUpdate();
        }
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
        return database.read(JdbcPurgeLog::lastSeq);
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
