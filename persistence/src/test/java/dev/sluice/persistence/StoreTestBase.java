package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.content.ContentReader;
import dev.sluice.content.ContentService;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.testing.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store with a manual clock, opened per test: embedded in a temp directory, unless a subclass opens
 * another kind ({@link #open(long)}), so that one test class runs against every store.
 */
abstract class StoreTestBase {

    static final SiteId SITE = new SiteId("acme", "www");
    static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z, the manual clock's origin

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock();
    Store store;
    ContentService content;
    ContentReader reader;

    @BeforeEach
    void openStore() throws IOException {
        store = open(1024 * 1024);
        content = store.contentService();
        reader = store.contentReader();
    }

    /** Opens the store under test, refusing bodies over the limit. */
    Store open(long maxBlobBytes) throws IOException {
        return EmbeddedStore.open(dataDir, clock, maxBlobBytes);
    }

    @AfterEach
    void closeStore() throws IOException {
        store.close();
    }

    String blob(String md5) throws IOException {
        try (InputStream in = reader.openBlob(md5)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertFails(ThrowingCallable call, ErrorKind kind, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessage(message);
    }
}
