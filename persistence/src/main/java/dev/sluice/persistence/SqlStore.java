package dev.sluice.persistence;

import dev.sluice.content.ContentReader;
import dev.sluice.content.ContentService;
import dev.sluice.content.blob.BlobStore;
import dev.sluice.content.store.StoreContentService;
import dev.sluice.control.QuotaLedger;
import dev.sluice.control.webhook.DeliveryLog;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.core.Clock;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.task.PurgeTaskStore;
import java.time.Duration;

/** The repositories of a {@link Store} over one {@link Database} and a blob store. */
final class SqlStore {

    final Database database;
    final StoreContentService content;
    final JdbcPurgeLog purgeLog;
    final JdbcPurgeTaskStore purgeTasks;
    final JdbcWebhooks webhooks;
    final Clock clock;

    SqlStore(Database database, BlobStore blobs, Clock clock, boolean allowInternalProxies) {
        this.database = database;
        this.purgeLog = new JdbcPurgeLog(database, clock);
        this.content = new StoreContentService(
                new JdbcContentRepository(database, purgeLog), blobs, clock, allowInternalProxies);
        this.purgeTasks = new JdbcPurgeTaskStore(database, purgeLog, clock);
        this.webhooks = new JdbcWebhooks(database);
        this.clock = clock;
    }

    QuotaLedger quotas(Duration window) {
        return new JdbcQuotaLedger(database, clock, window);
    }

    ContentService contentService() {
        return content;
    }

    ContentReader contentReader() {
        return content;
    }

    PurgeLog purgeLog() {
        return purgeLog;
    }

    PurgeTaskStore purgeTasks() {
        return purgeTasks;
    }

    WebhookRegistry webhooks() {
        return webhooks;
    }

    DeliveryLog webhookDeliveries() {
        return webhooks;
    }
}
