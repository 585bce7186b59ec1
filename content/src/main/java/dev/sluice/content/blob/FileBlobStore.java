package dev.sluice.content.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code <root>/ab/cd/<md5>}.
 *
 * <p>Design notes. A write streams the body to a fresh temp file under {@code <root>/tmp} (the same
 * file system, so the final rename is atomic) while computing its MD5 and counting bytes; past the
 * size limit it stops reading, deletes the temp file and refuses. Otherwise it fsyncs the file,
 * renames it to its address and fsyncs the directories it changed, so a blob that {@link #write}
 * reported survives power loss, and a blob file at its address is always complete: readers never
 * see a partial blob. Same bytes, same address: an existing blob is not rewritten, and two
 * concurrent writers of the same bytes both end with the same complete file. A crash mid-write
 * leaves only a temp file, removed when the store is next opened. Blobs are never deleted here:
 * revisions are immutable and keep referring to them.
 */
public final class FileBlobStore implements BlobStore {

    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private final Path root;
    private final Path tmp;
    private final long maxBytes;

    private FileBlobStore(Path root, long maxBytes) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.maxBytes = maxBytes;
    }

    /** Opens (creating if needed) the store at {@code root} and removes temp files left by a crash. */
    public static FileBlobStore open(Path root, long maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes: %d (expected: > 0)".formatted(maxBytes));
        }
        FileBlobStore store = new FileBlobStore(root, maxBytes);
        Files.createDirectories(store.tmp);
        store.removeOrphans();
        return store;
    }

    @Override
    public StoredBlob write(InputStream body) throws IOException {
        Path temp = Files.createTempFile(tmp, "blob-", ".part");
        try {
            StoredBlob blob = copy(body, temp);
            if (contains(blob.md5())) {
                Files.delete(temp);
            } else {
                publish(temp, blob.md5());
            }
            // Whoever renamed the blob may not have synced its directories yet (a concurrent writer,
            // or the same body pushed twice): sync them before the caller commits a record to it.
            syncAddress(blob.md5());
            return blob;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Override
    public InputStream open(String md5) throws IOException {
        if (!MD5.matcher(md5).matches()) {
            throw new NoSuchFileException("blob " + md5);
        }
        return Files.newInputStream(pathOf(md5));
    }

    @Override
    public boolean contains(String md5) {
        return MD5.matcher(md5).matches() && Files.isRegularFile(pathOf(md5));
    }

    private StoredBlob copy(InputStream body, Path temp) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            StoredBlob blob = BlobCopy.copy(body, out, maxBytes);
            channel.force(true);
            return blob;
        }
    }

    /** Renames the synced temp file to its address. */
    private void publish(Path temp, String md5) throws IOException {
        Path outer = root.resolve(md5.substring(0, 2));
        Path inner = outer.resolve(md5.substring(2, 4));
        Files.createDirectories(inner);
        Files.move(temp, inner.resolve(md5), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Syncs the blob's directory and its parents, so its name survives a power loss. */
    private void syncAddress(String md5) throws IOException {
        Path outer = root.resolve(md5.substring(0, 2));
        fsyncDirectory(outer.resolve(md5.substring(2, 4)));
        fsyncDirectory(outer);
        fsyncDirectory(root);
    }

    private Path pathOf(String md5) {
        return root.resolve(md5.substring(0, 2)).resolve(md5.substring(2, 4)).resolve(md5);
    }

    private void removeOrphans() throws IOException {
        try (Stream<Path> orphans = Files.list(tmp)) {
            for (Path orphan : orphans.toList()) {
                Files.deleteIfExists(orphan);
            }
        }
        fsyncDirectory(tmp);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
