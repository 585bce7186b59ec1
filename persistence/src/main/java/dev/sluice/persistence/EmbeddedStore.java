package dev.sluice.persistence;

import dev.sluice.content.blob.BlobStore;
import dev.sluice.content.blob.FileBlobStore;
import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The single-node store in one data directory: {@code sluice.db} (SQLite: content records, the purge
 * log, tasks and webhooks) and {@code blobs/} (content-addressed bodies). One process at a time: the directory is
 * locked while open ({@code .lock}; the OS drops the lock if the process dies).
 *
 * <p>Crash safety: a push writes and fsyncs its blob before the database transaction that refers to
 * it, and every transaction is fsynced before it returns; after kill -9 or power loss the store shows
 * exactly the acknowledged changes (plus, at most, blobs nothing refers to yet).
 */
public final class EmbeddedStore extends SqlStore {

    private final FileChannel lockFile;
    private final FileLock lock;

    private EmbeddedStore(
            FileChannel lockFile,
            FileLock lock,
            Database database,
            BlobStore blobs,
            Clock clock,
            boolean allowInternalProxies) {
        super(database, blobs, clock, allowInternalProxies);
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Opens the store in {@code dataDir}, creating and migrating it as needed.
     *
     * @param maxBlobBytes the largest body a push may store
     */
    public static EmbeddedStore open(Path dataDir, Clock clock, long maxBlobBytes) throws IOException {
        return open(dataDir, clock, maxBlobBytes, true);
    }

    /**
     * Opens the store in {@code dataDir}, creating and migrating it as needed.
     *
     * @param maxBlobBytes the largest body a push may store
     * @param allowInternalProxies whether Quant proxies may point at internal addresses
     */
    public static EmbeddedStore open(Path dataDir, Clock clock, long maxBlobBytes, boolean allowInternalProxies)
            throws IOException {
        Files.createDirectories(dataDir);
        FileChannel lockFile =
                FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(lockFile);
            if (lock == null) {
                throw new SluiceException(
                        ErrorKind.UNAVAILABLE,
                        "data dir: %s (expected: not in use by another process)".formatted(dataDir));
            }
            FileBlobStore blobs = FileBlobStore.open(dataDir.resolve("blobs"), maxBlobBytes);
            Database database = Database.sqlite(dataDir.resolve("sluice.db"));
            return new EmbeddedStore(lockFile, lock, database, blobs, clock, allowInternalProxies);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /** The lock, or null when another process (or another store in this one) holds it. */
    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Closes the database and releases the directory. */
    @Override
    public void close() throws IOException {
        try {
            database.close();
        } finally {
            lock.release();
            lockFile.close();
        }
    }
}
