package dev.sluice.persistence;

import static dev.sluice.persistence.ContentRows.ENTRY_SELECT;
import static dev.sluice.persistence.ContentRows.REVISION_COLUMNS;

import dev.sluice.content.MetaQuery;
import dev.sluice.content.Revision;
import dev.sluice.content.store.ContentTransaction;
import dev.sluice.content.store.EntryState;
import dev.sluice.content.store.LiveRevision;
import dev.sluice.content.store.StoredEntry;
import dev.sluice.content.store.StoredPage;
import dev.sluice.core.SiteId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The content queries and writes on one JDBC connection, inside a transaction managed by {@link
 * Database}. Used as {@code ContentQueries} on reader connections (no write method is reachable
 * there) and as {@code ContentTransaction} on the writer. Ids are {@code MAX + 1}: safe because
 * writes are serialised. {@link #purge} appends to the purge log in the same transaction.
 */
final class JdbcContentTransaction implements ContentTransaction {

    private static final String BY_PATH = " WHERE e.tenant = ? AND e.site = ? AND e.canonical_path = ?";

    private final Connection c;
    private final @Nullable JdbcPurgeLog log;

    /** Queries only. */
    JdbcContentTransaction(Connection connection) {
        this(connection, null);
    }

    /** Queries and writes; purges go to the log's outbox. */
    JdbcContentTransaction(Connection connection, @Nullable JdbcPurgeLog log) {
        this.c = connection;
        this.log = log;
    }

    @Override
    public void purge(SiteId site, String canonicalPath) {
        if (log == null) {
            throw new IllegalStateException("purge on a read transaction (expected: a write)");
        }
        try {
            log.appendIn(c, UUID.randomUUID().toString(), ChangePurges.of(site, canonicalPath));
        } catch (SQLException e) {
            throw Database.failure(e);
        }
    }

    @Override
    public @Nullable StoredEntry entry(SiteId site, String canonicalPath) {
        return query(ENTRY_SELECT + BY_PATH, ps -> bindPath(ps, site, canonicalPath), ContentRows::storedEntry).stream()
                .findFirst()
                .orElse(null);
    }

    @Override
    public @Nullable Revision revision(long entryId, int number) {
        List<Revision> found = revisions(entryId, number, number);
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    public List<Revision> revisions(long entryId, int from, int to) {
        String sql = "SELECT " + REVISION_COLUMNS + " FROM content_revision r WHERE r.entry_id = ?"
                + " AND r.revision_number BETWEEN ? AND ? ORDER BY r.revision_number";
        return query(
                sql,
                ps -> {
                    ps.setLong(1, entryId);
                    ps.setInt(2, from);
                    ps.setInt(3, to);
                },
                ContentRows::revision);
    }

    @Override
    public StoredPage page(SiteId site, MetaQuery query) {
        MetaFilter filter = MetaFilter.of(site, query);
        String order = query.newestFirst() ? " ORDER BY e.seq_num DESC" : " ORDER BY e.seq_num ASC";
        long offset = (long) (query.page() - 1) * query.pageSize();
        List<StoredEntry> entries = query(
                ENTRY_SELECT + filter.where() + order + " LIMIT ? OFFSET ?",
                ps -> {
                    int next = filter.bind(ps);
                    ps.setInt(next, query.pageSize());
                    ps.setLong(next + 1, offset);
                },
                ContentRows::storedEntry);
        List<Long> total =
                query("SELECT COUNT(*) FROM content_entry e" + filter.where(), filter::bind, rs -> rs.getLong(1));
        return new StoredPage(entries, total.getFirst());
    }

    @Override
    public @Nullable LiveRevision live(SiteId site, String canonicalPath) {
        String sql = "SELECT e.url, e.last_modified, " + REVISION_COLUMNS
                + " FROM content_entry e JOIN content_revision r"
                + " ON r.entry_id = e.id AND r.revision_number = e.published_revision" + BY_PATH + " AND e.live = ?";
        List<LiveRevision> found = query(
                sql,
                ps -> {
                    bindPath(ps, site, canonicalPath);
                    ps.setBoolean(4, true);
                },
                rs -> new LiveRevision(rs.getString("url"), ContentRows.revision(rs), rs.getLong("last_modified")));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    public long nextSeq(SiteId site) {
        int updated = update("UPDATE content_site_seq SET seq = seq + 1 WHERE tenant = ? AND site = ?", ps -> {
            ps.setString(1, site.tenant());
            ps.setString(2, site.name());
        });
        if (updated == 0) {
            update("INSERT INTO content_site_seq (tenant, site, seq) VALUES (?, ?, 1)", ps -> {
                ps.setString(1, site.tenant());
                ps.setString(2, site.name());
            });
            return 1;
        }
        return query(
                        "SELECT seq FROM content_site_seq WHERE tenant = ? AND site = ?",
                        ps -> {
                            ps.setString(1, site.tenant());
                            ps.setString(2, site.name());
                        },
                        rs -> rs.getLong(1))
                .getFirst();
    }

    @Override
    public long insertEntry(SiteId site, EntryState state) {
        long id = query("SELECT COALESCE(MAX(id), 0) + 1 FROM content_entry", ps -> {}, rs -> rs.getLong(1))
                .getFirst();
        String sql = "INSERT INTO content_entry (url, type, seq_num, live, published_revision, current_revision,"
                + " first_revision, highest_revision, deleted, deleted_timestamp, last_modified, id, tenant, site,"
                + " canonical_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        update(sql, ps -> {
            ContentRows.bindEntry(ps, state);
            ps.setLong(12, id);
            ps.setString(13, site.tenant());
            ps.setString(14, site.name());
            ps.setString(15, state.canonicalPath());
        });
        return id;
    }

    @Override
    public void updateEntry(EntryState state) {
        String sql = "UPDATE content_entry SET url = ?, type = ?, seq_num = ?, live = ?, published_revision = ?,"
                + " current_revision = ?, first_revision = ?, highest_revision = ?, deleted = ?,"
                + " deleted_timestamp = ?, last_modified = ? WHERE id = ?";
        int updated = update(sql, ps -> {
            ContentRows.bindEntry(ps, state);
            ps.setLong(12, state.id());
        });
        if (updated != 1) {
            throw new IllegalStateException("entry %d: %d rows updated (expected: 1)".formatted(state.id(), updated));
        }
    }

    @Override
    public void insertRevision(long entryId, Revision revision) {
        String sql = "INSERT INTO content_revision (entry_id, revision_number, type, md5, byte_length,"
                + " date_timestamp, headers, info, redirect_url, redirect_code, proxy_destination, proxy_user,"
                + " proxy_password, content_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        update(sql, ps -> ContentRows.bindRevision(ps, entryId, revision));
    }

    private static void bindPath(PreparedStatement ps, SiteId site, String canonicalPath) throws SQLException {
        ps.setString(1, site.tenant());
        ps.setString(2, site.name());
        ps.setString(3, canonicalPath);
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw Database.failure(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Database.failure(e);
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
