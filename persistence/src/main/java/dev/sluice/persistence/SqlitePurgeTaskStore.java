package dev.sluice.persistence;

import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.PurgeTaskStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Purge tasks in the embedded SQLite database: one row per task, the task as JSON ({@link PurgeTaskCodec}). */
public final class SqlitePurgeTaskStore implements PurgeTaskStore {

    private final SqliteDatabase database;

    SqlitePurgeTaskStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void save(PurgeTask task) {
        String json = PurgeTaskCodec.encode(task);
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO purge_task (id, tenant, dialect, submitted_millis, task) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, task.id());
                ps.setString(2, task.tenant());
                ps.setString(3, task.dialect());
                ps.setLong(4, task.submittedAt().toEpochMilli());
                ps.setString(5, json);
                return ps.executeUpdate();
            }
        });
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

    private static List<PurgeTask> tasks(PreparedStatement ps) throws java.sql.SQLException {
        List<PurgeTask> tasks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tasks.add(PurgeTaskCodec.decode(rs.getString(1)));
            }
        }
        return tasks;
    }
}
