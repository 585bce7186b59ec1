package dev.sluice.persistence;

/** {@link ContentLifecycleTest} against PostgreSQL. */
class PostgresContentLifecycleTest extends ContentLifecycleTest {

    @Override
    Store open(long maxBlobBytes) {
        return PostgresStores.open(clock, maxBlobBytes);
    }
}
