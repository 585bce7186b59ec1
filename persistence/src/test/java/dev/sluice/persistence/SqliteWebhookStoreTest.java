package dev.sluice.persistence;

import dev.sluice.testing.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteWebhookStoreTest extends WebhookStoreContract {

    @TempDir
    Path dir;

    @SuppressWarnings("NullAway.Init") // opened before each test
    private EmbeddedStore store;

    @Override
    void open() throws Exception {
        store = EmbeddedStore.open(dir, new ManualClock(), 1024);
        webhooks = store.webhooks();
        deliveries = store.webhookDeliveries();
    }

    @Override
    void close() throws Exception {
        store.close();
    }
}
