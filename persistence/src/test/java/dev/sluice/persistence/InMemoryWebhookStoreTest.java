package dev.sluice.persistence;

import dev.sluice.control.webhook.InMemoryDeliveryLog;
import dev.sluice.control.webhook.InMemoryWebhookRegistry;

class InMemoryWebhookStoreTest extends WebhookStoreContract {

    @Override
    void open() {
        webhooks = new InMemoryWebhookRegistry();
        deliveries = new InMemoryDeliveryLog();
    }
}
