package dev.sluice.persistence;

import dev.sluice.core.Clock;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.PurgeTaskStore;
import dev.sluice.purge.task.QuotaCharge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Purge tasks in the store's database: one row per task, the task as JSON ({@link PurgeTaskCodec}).
 * {@link #record} writes the task, its purge commands (through the log's outbox) and its quota charge
 * in one write.
 */
public final class JdbcPurgeTaskStore implements PurgeTaskStore {

    private final Database database;
    private final JdbcPurgeLog log;
    private final Clock clock;

    JdbcPurgeTaskStore(Database database, JdbcPurgeLog log, Clock clock) {
        this.database = database;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void save(PurgeTask task) {
        database.write(c -> upsert(c, task));
    }

    @Override
    public PurgeTask record(PurgeTask task, QuotaCharge charge, LongFunction<PurgeTask> applied) {
        return database.write(c -> {
            long last = 0;
            for (int i = 0; i < task.requests().size(); i++) {
                last = log.appendIn(c, task.id() + "/" + i, task.requests().get(i))
                        .seq();
            }
            if (!charge.isEmpty()
                    && !JdbcQuotaLedger.tryChargeIn(
                            c, clock, charge.window(), charge.amounts(), charge.limits(), charge.overrun())) {
                throw charge.refusal().get();
            }
            PurgeTask saved = applied.apply(last);
            upsert(c, saved);
            return saved;
        });
    }

    private static int upsert(Connection c, PurgeTask task) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO purge_task (id, tenant, dialect, submitted_millis,"
                + " task) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET tenant = excluded.tenant,"
                + " dialect = excluded.dialect, submitted_millis = excluded.submitted_millis, task = excluded.task")) {
            ps.setString(1, task.id());
            ps.setString(2, task.tenant());
            ps.setString(3, task.dialect());
            ps.setLong(4, task.submittedAt().toEpochMilli());
            ps.setString(5, PurgeTaskCodec.encode(task));
            return ps.executeUpdate();
        }
    }

    @Override
    public @Nullable PurgeTask find(String id) {
        List<PurgeTask> found = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT task FROM purge_task WHERE id = ?")) {
                ps.setString(1, id);
                return tasks(ps);
            }
        });
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    public List<PurgeTask> list(String tenant, String dialect, Instant from, Instant to) {
        return database.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT task FROM purge_task WHERE tenant = ? AND dialect = ?"
                            + " AND submitted_millis >= ? AND submitted_millis < ? ORDER BY submitted_millis, id")) {
                ps.setString(1, tenant);
                ps.setString(2, dialect);
                ps.setLong(3, from.toEpochMilli());
                ps.setLong(4, to.toEpochMilli());
                return tasks(ps);
            }
        });
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM purge_task WHERE submitted_millis < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    private static List<PurgeTask> tasks(PreparedStatement ps) throws SQLException {
        List<PurgeTask> tasks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tasks.add(PurgeTaskCodec.decode(rs.getString(1)));
            }
        }
        return tasks;
    }
}
