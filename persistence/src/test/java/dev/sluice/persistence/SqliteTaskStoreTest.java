package dev.sluice.persistence;

import dev.sluice.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class SqliteTaskStoreTest extends TaskStoreContract {

    @TempDir
    Path dir;

    @SuppressWarnings("NullAway.Init") // opened before each test
    private EmbeddedStore store;

    @Override
    void open(ManualClock clock) throws Exception {
        store = EmbeddedStore.open(dir, clock, 1024);
        log = store.purgeLog();
        tasks = store.purgeTasks();
        quotas = store.quotas(Duration.ofHours(24));
    }

    @Override
    void close() throws Exception {
        store.close();
    }
}
