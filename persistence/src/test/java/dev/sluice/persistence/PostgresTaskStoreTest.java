package dev.sluice.persistence;

import dev.sluice.testing.ManualClock;
import java.time.Duration;

class PostgresTaskStoreTest extends TaskStoreContract {

    @SuppressWarnings("NullAway.Init") // opened before each test
    private PostgresStore store;

    @Override
    void open(ManualClock clock) {
        store = PostgresStores.open(clock, 1024);
        log = store.purgeLog();
        tasks = store.purgeTasks();
        quotas = store.quotas(Duration.ofHours(24));
    }

    @Override
    void close() {
        store.close();
    }
}
