package dev.sluice.persistence;

import dev.sluice.purge.PurgeLog;
import dev.sluice.testing.ManualClock;

class PostgresPurgeLogTest extends PurgeLogContract {

    @SuppressWarnings("NullAway.Init") // opened before each test
    private PostgresStore store;

    @Override
    PurgeLog open(ManualClock clock) {
        store = PostgresStores.open(clock, 1024);
        return store.purgeLog();
    }

    @Override
    void close() {
        store.close();
    }
}
