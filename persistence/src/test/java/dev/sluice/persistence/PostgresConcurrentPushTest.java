package dev.sluice.persistence;

/** {@link ConcurrentPushTest} against PostgreSQL. */
class PostgresConcurrentPushTest extends ConcurrentPushTest {

    @Override
    Store open(long maxBlobBytes) {
        return PostgresStores.open(clock, maxBlobBytes);
    }
}
