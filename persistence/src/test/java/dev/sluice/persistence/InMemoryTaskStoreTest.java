package dev.sluice.persistence;

import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.task.InMemoryPurgeTaskStore;
import dev.sluice.testing.ManualClock;

class InMemoryTaskStoreTest extends TaskStoreContract {

    @Override
    void open(ManualClock clock) {
        InMemoryPurgeLog memory = new InMemoryPurgeLog(clock);
        log = memory;
        tasks = new InMemoryPurgeTaskStore(memory);
    }
}
