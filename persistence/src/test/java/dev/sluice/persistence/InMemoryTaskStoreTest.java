package dev.sluice.persistence;

import dev.sluice.control.InMemoryQuotaLedger;
import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.task.InMemoryPurgeTaskStore;
import dev.sluice.testing.ManualClock;
import java.time.Duration;

class InMemoryTaskStoreTest extends TaskStoreContract {

    @Override
    void open(ManualClock clock) {
        InMemoryPurgeLog memory = new InMemoryPurgeLog(clock);
        log = memory;
        InMemoryQuotaLedger ledger = new InMemoryQuotaLedger(clock, Duration.ofHours(24));
        quotas = ledger;
        tasks = new InMemoryPurgeTaskStore(
                memory, charge -> ledger.tryCharge(charge.amounts(), charge.limits(), charge.overrun()));
    }
}
