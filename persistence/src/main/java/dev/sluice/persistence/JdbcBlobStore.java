package dev.sluice.persistence;

import dev.sluice.content.blob.BlobCopy;
import dev.sluice.content.blob.BlobStore;
import dev.sluice.content.blob.StoredBlob;
import dev.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Content bodies in PostgreSQL, in chunks of {@value #CHUNK} bytes, so every control node sees every
 * body without a shared file system.
 *
 * <p>Design notes. A write first streams the body to a local temp file while computing its MD5 and
 * counting (past the limit it stops and refuses), then copies it into the database in a transaction of
 * its own, outside the log's write queue: bodies are content-addressed and need no order, and a large
 * one must not hold up purges. The blob row is written after its chunks in that transaction, so a
 * blob row always means a complete body; the same body written twice (or concurrently) ends as one
 * blob. A read streams chunk by chunk, one query each, never holding more than one chunk.
 */
final class JdbcBlobStore implements BlobStore {

    static final int CHUNK = 1 << 20;
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private final Database database;
    private final long maxBytes;

    JdbcBlobStore(Database database, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes: %d (expected: > 0)".formatted(maxBytes));
        }
        this.database = database;
        this.maxBytes = maxBytes;
    }

    @Override
    public StoredBlob write(InputStream body) throws IOException {
        Path temp = Files.createTempFile("sluice-blob-", ".part");
        try {
            StoredBlob blob = spool(body, temp);
            if (!contains(blob.md5())) {
                database.transact(c -> insert(c, blob, temp));
            }
            return blob;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String md5) throws IOException {
        if (!contains(md5)) {
            throw new NoSuchFileException("blob " + md5);
        }
        int chunks = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT chunks FROM blob WHERE md5 = ?")) {
                ps.setString(1, md5);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        return new ChunkStream(md5, chunks);
    }

    @Override
    public boolean contains(String md5) {
        return MD5.matcher(md5).matches()
                && database.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM blob WHERE md5 = ?")) {
                        ps.setString(1, md5);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
    }

    private StoredBlob spool(InputStream body, Path temp) throws IOException {
        try (OutputStream out = Files.newOutputStream(temp)) {
            return BlobCopy.copy(body, out, maxBytes);
        }
    }

    private static Void insert(Connection c, StoredBlob blob, Path temp) throws SQLException {
        int chunks = 0;
        try (InputStream in = Files.newInputStream(temp);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO blob_chunk (md5, n, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            byte[] chunk;
            do {
                chunk = in.readNBytes(CHUNK);
                ps.setString(1, blob.md5());
                ps.setInt(2, chunks++);
                ps.setBytes(3, chunk);
                ps.executeUpdate();
            } while (chunk.length == CHUNK);
        } catch (IOException e) {
            throw new SQLException("blob spool file: " + e.getMessage(), e);
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO blob (md5, size, chunks) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, blob.md5());
            ps.setLong(2, blob.size());
            ps.setInt(3, chunks);
            ps.executeUpdate();
        }
        return null;
    }

    /** Reads a blob one chunk at a time. */
    private final class ChunkStream extends InputStream {
        private final String md5;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(String md5, int chunks) {
            this.md5 = md5;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos >= current.length) {
                if (next >= chunks) {
                    return -1;
                }
                current = chunk(next++);
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private byte[] chunk(int n) throws IOException {
            try {
                return database.read(c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("SELECT bytes FROM blob_chunk WHERE md5 = ? AND n = ?")) {
                        ps.setString(1, md5);
                        ps.setInt(2, n);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new SQLException("blob %s: chunk %d missing".formatted(md5, n));
                            }
                            return rs.getBytes(1);
                        }
                    }
                });
            } catch (SluiceException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
