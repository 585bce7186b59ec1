package dev.sluice.persistence;

import dev.sluice.purge.PurgeLog;
import dev.sluice.testing.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqlitePurgeLogTest extends PurgeLogContract {

    @TempDir
    Path dir;

    @SuppressWarnings("NullAway.Init") // opened before each test
    private EmbeddedStore store;

    @Override
    PurgeLog open(ManualClock clock) throws Exception {
        store = EmbeddedStore.open(dir, clock, 1024);
        return store.purgeLog();
    }

    @Override
    void close() throws Exception {
        store.close();
    }
}
