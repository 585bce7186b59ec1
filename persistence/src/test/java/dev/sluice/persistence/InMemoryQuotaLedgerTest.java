package dev.sluice.persistence;

import dev.sluice.control.InMemoryQuotaLedger;
import dev.sluice.control.QuotaLedger;
import dev.sluice.testing.ManualClock;
import java.time.Duration;

class InMemoryQuotaLedgerTest extends QuotaLedgerContract {

    @Override
    QuotaLedger open(ManualClock clock) {
        return new InMemoryQuotaLedger(clock, Duration.ofHours(24));
    }
}
