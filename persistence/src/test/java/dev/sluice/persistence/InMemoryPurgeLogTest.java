package dev.sluice.persistence;

import dev.sluice.purge.InMemoryPurgeLog;
import dev.sluice.purge.PurgeLog;
import dev.sluice.testing.ManualClock;

class InMemoryPurgeLogTest extends PurgeLogContract {

    @Override
    PurgeLog open(ManualClock clock) {
        return new InMemoryPurgeLog(clock);
    }
}
