package dev.sluice.persistence;

import dev.sluice.content.EntryType;
import dev.sluice.content.Revision;
import dev.sluice.content.store.EntryState;
import dev.sluice.content.store.StoredEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/** Column lists and the mapping between content rows and the content store's records. */
final class ContentRows {

    static final String ENTRY_COLUMNS =
            "e.id, e.url, e.canonical_path, e.type, e.seq_num, e.live, e.published_revision,"
                    + " e.current_revision, e.first_revision, e.highest_revision, e.deleted, e.deleted_timestamp,"
                    + " e.last_modified";

    static final String REVISION_COLUMNS =
            "r.revision_number, r.type AS revision_type, r.md5, r.byte_length, r.date_timestamp,"
                    + " r.headers, r.info, r.redirect_url, r.redirect_code, r.proxy_destination, r.proxy_user,"
                    + " r.proxy_password, r.content_timestamp";

    /** Entries joined to their current revision. */
    static final String ENTRY_SELECT = "SELECT " + ENTRY_COLUMNS + ", " + REVISION_COLUMNS
            + " FROM content_entry e JOIN content_revision r"
            + " ON r.entry_id = e.id AND r.revision_number = e.current_revision";

    private ContentRows() {}

    static StoredEntry storedEntry(ResultSet rs) throws SQLException {
        return new StoredEntry(entryState(rs), revision(rs));
    }

    static EntryState entryState(ResultSet rs) throws SQLException {
        return new EntryState(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("canonical_path"),
                EntryType.valueOf(rs.getString("type")),
                rs.getLong("seq_num"),
                rs.getBoolean("live"),
                rs.getInt("published_revision"),
                rs.getInt("current_revision"),
                rs.getInt("first_revision"),
                rs.getInt("highest_revision"),
                rs.getBoolean("deleted"),
                rs.getLong("deleted_timestamp"),
                rs.getLong("last_modified"));
    }

    /** A revision from a row holding {@link #REVISION_COLUMNS} (the entry's columns come first). */
    static Revision revision(ResultSet rs) throws SQLException {
        long contentTimestamp = rs.getLong("content_timestamp");
        Long timestamp = rs.wasNull() ? null : contentTimestamp;
        return new Revision(
                rs.getInt("revision_number"),
                EntryType.valueOf(rs.getString("revision_type")),
                rs.getString("md5"),
                rs.getLong("byte_length"),
                rs.getLong("date_timestamp"),
                JsonMaps.decode(rs.getString("headers")),
                JsonMaps.decode(rs.getString("info")),
                rs.getString("redirect_url"),
                rs.getInt("redirect_code"),
                rs.getString("proxy_destination"),
                rs.getString("proxy_user"),
                rs.getString("proxy_password"),
                timestamp);
    }

    /** Binds an entry's mutable columns at positions 1..11 (url .. last_modified). */
    static void bindEntry(PreparedStatement ps, EntryState s) throws SQLException {
        ps.setString(1, s.url());
        ps.setString(2, s.type().name());
        ps.setLong(3, s.seqNum());
        ps.setBoolean(4, s.live());
        ps.setInt(5, s.publishedRevision());
        ps.setInt(6, s.currentRevision());
        ps.setInt(7, s.firstRevision());
        ps.setInt(8, s.highestRevision());
        ps.setBoolean(9, s.deleted());
        ps.setLong(10, s.deletedTimestamp());
        ps.setLong(11, s.lastModified());
    }

    /** Binds every revision column, entry id first. */
    static void bindRevision(PreparedStatement ps, long entryId, Revision r) throws SQLException {
        ps.setLong(1, entryId);
        ps.setInt(2, r.number());
        ps.setString(3, r.type().name());
        ps.setString(4, r.md5());
        ps.setLong(5, r.byteLength());
        ps.setLong(6, r.dateTimestamp());
        ps.setString(7, JsonMaps.encode(r.headers()));
        ps.setString(8, JsonMaps.encode(r.info()));
        setNullable(ps, 9, r.redirectUrl());
        ps.setInt(10, r.redirectCode());
        setNullable(ps, 11, r.proxyDestination());
        setNullable(ps, 12, r.proxyUser());
        setNullable(ps, 13, r.proxyPassword());
        Long contentTimestamp = r.contentTimestamp();
        if (contentTimestamp == null) {
            ps.setNull(14, Types.BIGINT);
        } else {
            ps.setLong(14, contentTimestamp);
        }
    }

    private static void setNullable(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
