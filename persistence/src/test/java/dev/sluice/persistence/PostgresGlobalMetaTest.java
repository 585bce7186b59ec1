package dev.sluice.persistence;

import dev.sluice.testing.ManualClock;

/** {@link GlobalMetaTest} against PostgreSQL. */
class PostgresGlobalMetaTest extends GlobalMetaTest {

    @Override
    Store open(ManualClock clock) {
        return PostgresStores.open(clock, 1024);
    }
}
