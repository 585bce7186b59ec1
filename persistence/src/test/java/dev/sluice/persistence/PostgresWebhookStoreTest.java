package dev.sluice.persistence;

import dev.sluice.testing.ManualClock;

class PostgresWebhookStoreTest extends WebhookStoreContract {

    @SuppressWarnings("NullAway.Init") // opened before each test
    private PostgresStore store;

    @Override
    void open() {
        store = PostgresStores.open(new ManualClock(), 1024);
        webhooks = store.webhooks();
        deliveries = store.webhookDeliveries();
    }

    @Override
    void close() {
        store.close();
    }
}
