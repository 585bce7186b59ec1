package dev.sluice.persistence;

import dev.sluice.control.webhook.Delivery;
import dev.sluice.control.webhook.DeliveryLog;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Webhooks and their delivery log in the store's database. */
public final class JdbcWebhooks implements WebhookRegistry, DeliveryLog {

    private static final String COLUMNS =
            "SELECT id, tenant, name, description, url, cred_user, secret_key, created_millis FROM webhook";

    private final Database database;

    JdbcWebhooks(Database database) {
        this.database = database;
    }

    @Override
    public void save(Webhook w) {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook (id, tenant, name,"
                    + " description, url, cred_user, secret_key, created_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET tenant = excluded.tenant, name = excluded.name,"
                    + " description = excluded.description, url = excluded.url, cred_user = excluded.cred_user,"
                    + " secret_key = excluded.secret_key, created_millis = excluded.created_millis")) {
                ps.setString(1, w.id());
                ps.setString(2, w.tenant());
                ps.setString(3, w.name());
                ps.setString(4, w.description());
                ps.setString(5, w.url());
                nullable(ps, 6, w.user());
                nullable(ps, 7, w.secretKey());
                ps.setLong(8, w.createdAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public @Nullable Webhook find(String id) {
        List<Webhook> found = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
                ps.setString(1, id);
                return webhooks(ps);
            }
        });
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    public List<Webhook> list(String tenant) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE tenant = ? ORDER BY created_millis, id")) {
                ps.setString(1, tenant);
                return webhooks(ps);
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void record(Delivery d) {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_delivery (webhook_id, task_id, attempt,"
                    + " at_millis, status, error) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.webhookId());
                ps.setString(2, d.taskId());
                ps.setInt(3, d.attempt());
                ps.setLong(4, d.at().toEpochMilli());
                ps.setInt(5, d.status());
                nullable(ps, 6, d.error());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_delivery WHERE at_millis < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Delivery> forTask(String taskId) {
        return database.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT webhook_id, task_id, attempt, at_millis, status, error"
                            + " FROM webhook_delivery WHERE task_id = ? ORDER BY seq")) {
                ps.setString(1, taskId);
                List<Delivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Delivery(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getInt(3),
                                Instant.ofEpochMilli(rs.getLong(4)),
                                rs.getInt(5),
                                rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    private static List<Webhook> webhooks(PreparedStatement ps) throws SQLException {
        List<Webhook> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Webhook(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8))));
            }
        }
        return out;
    }

    private static void nullable(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
