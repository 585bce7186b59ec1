package dev.sluice.persistence;

import dev.sluice.control.QuotaLedger;
import dev.sluice.testing.ManualClock;
import java.time.Duration;

class PostgresQuotaLedgerTest extends QuotaLedgerContract {

    @SuppressWarnings("NullAway.Init") // opened before each test
    private PostgresStore store;

    @Override
    QuotaLedger open(ManualClock clock) {
        store = PostgresStores.open(clock, 1024);
        return store.quotas(Duration.ofHours(24));
    }

    @Override
    void close() {
        store.close();
    }
}
