package dev.sluice.content.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesUnderItsMd5AndReadsBack() throws IOException {
        FileBlobStore store = FileBlobStore.open(root, 1024);

        StoredBlob blob = store.write(bytes("hello"));

        assertThat(blob).isEqualTo(new StoredBlob("5d41402abc4b2a76b9719d911017c592", 5));
        assertThat(root.resolve("5d/41/5d41402abc4b2a76b9719d911017c592")).hasContent("hello");
        try (InputStream in = store.open(blob.md5())) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        }
        assertThat(store.contains(blob.md5())).isTrue();
    }

    @Test
    void streamsALargeBodyInChunks() throws IOException, NoSuchAlgorithmException {
        long size = 48L * 1024 * 1024 + 17;
        FileBlobStore store = FileBlobStore.open(root, size);
        MessageDigest expected = MessageDigest.getInstance("MD5");

        StoredBlob blob = store.write(new PatternStream(size, expected));

        assertThat(blob.size()).isEqualTo(size);
        assertThat(blob.md5()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(Files.size(root.resolve(
                        blob.md5().substring(0, 2) + "/" + blob.md5().substring(2, 4) + "/" + blob.md5())))
                .isEqualTo(size);
        assertThat(files(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void sameBytesAreStoredOnceAndNotRewritten() throws IOException {
        FileBlobStore store = FileBlobStore.open(root, 1024);
        StoredBlob first = store.write(bytes("same"));
        Path file = root.resolve(first.md5().substring(0, 2))
                .resolve(first.md5().substring(2, 4))
                .resolve(first.md5());
        long inode = (long) Files.getAttribute(file, "unix:ino");

        StoredBlob second = store.write(bytes("same"));

        assertThat(second).isEqualTo(first);
        assertThat((long) Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
        assertThat(files(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void bodyOverTheLimitIsRefusedAndLeavesNothing() throws IOException {
        FileBlobStore store = FileBlobStore.open(root, 10);

        assertThatThrownBy(() -> store.write(bytes("eleven byte")))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE))
                .hasMessage("body: more than 10 bytes (expected: <= 10)");
        assertThat(store.write(bytes("ten bytes!")).size()).isEqualTo(10);

        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }

    @Test
    void tempFilesLeftByACrashAreRemovedOnOpen() throws IOException {
        Files.createDirectories(root.resolve("tmp"));
        Files.writeString(root.resolve("tmp/blob-123.part"), "half a bo");

        FileBlobStore.open(root, 1024);

        assertThat(files(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void unknownOrMalformedAddressIsNotFound() throws IOException {
        FileBlobStore store = FileBlobStore.open(root, 1024);

        assertThatThrownBy(() -> store.open("0123456789abcdef0123456789abcdef"))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(NoSuchFileException.class);
        assertThat(store.contains("../tmp")).isFalse();
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> FileBlobStore.open(root, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes: 0 (expected: > 0)");
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    /** A body generated on the fly, so the test itself never holds it in memory either. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            if (position == size) {
                return -1;
            }
            int b = (int) ((position * 31 + (position >>> 12)) & 0xff);
            position++;
            digest.update((byte) b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int n = (int) Math.min(length, Math.min(size - position, 8192));
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
