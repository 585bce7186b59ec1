package dev.sluice.persistence;

import dev.sluice.content.blob.BlobStore;
import dev.sluice.content.blob.FileBlobStore;
import dev.sluice.core.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The store in PostgreSQL, which several Sluice processes may share: content records, the purge
 * log, tasks and webhooks, and content bodies too (chunked in the database) unless a directory every
 * process shares is named for them. Migrations run on open; see {@link Database} for how several
 * writers keep the log in order and how an unreachable database is answered.
 */
public final class PostgresStore extends SqlStore {

    private PostgresStore(Database database, BlobStore blobs, Clock clock, boolean allowInternalProxies) {
        super(database, blobs, clock, allowInternalProxies);
    }

    /**
     * Connects to (and migrates) the database.
     *
     * @param settings where and how to connect
     * @param maxBlobBytes the largest body a push may store
     * @param allowInternalProxies whether Quant proxies may point at internal addresses
     */
    public static PostgresStore open(Settings settings, Clock clock, long maxBlobBytes, boolean allowInternalProxies)
            throws IOException {
        Database database = Database.postgres(
                settings.url(), settings.user(), settings.password(), settings.pool(), settings.connectTimeout());
        try {
            Path dir = settings.blobs();
            BlobStore blobs =
                    dir == null ? new JdbcBlobStore(database, maxBlobBytes) : FileBlobStore.open(dir, maxBlobBytes);
            return new PostgresStore(database, blobs, clock, allowInternalProxies);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * How to reach the database.
     *
     * @param url {@code jdbc:postgresql://HOST:PORT/DB}
     * @param pool the read pool's size
     * @param connectTimeout how long a caller waits for a connection before UNAVAILABLE
     * @param blobs a shared directory for content bodies, or null to keep them in the database
     */
    public record Settings(
            String url,
            String user,
            String password,
            int pool,
            Duration connectTimeout,
            @Nullable Path blobs) {
        @Override
        public String toString() {
            // Never the password: settings end up in logs.
            return "Settings[url=%s, user=%s, password=(%d chars), pool=%d, connectTimeout=%s, blobs=%s]"
                    .formatted(url, user, password.length(), pool, connectTimeout, blobs);
        }
    }
}
