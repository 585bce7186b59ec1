package dev.sluice.persistence;

/** {@link DeliveryRetentionTest} against PostgreSQL. */
class PostgresDeliveryRetentionTest extends DeliveryRetentionTest {

    @Override
    Store open(long maxBlobBytes) {
        return PostgresStores.open(clock, maxBlobBytes);
    }
}
