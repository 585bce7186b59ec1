package dev.sluice.persistence;

/** {@link ContentPushTest} against PostgreSQL. */
class PostgresContentPushTest extends ContentPushTest {

    @Override
    Store open(long maxBlobBytes) {
        return PostgresStores.open(clock, maxBlobBytes);
    }
}
