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

/**
 * A {@link Store} over one {@link Database} and a blob store: the repositories both kinds share.
 * Subclasses own how the database is opened and closed.
 */
abstract class SqlStore implements Store {

    /** The database; closed by the subclass. */
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

    @Override
    public QuotaLedger quotas(Duration window) {
        return new JdbcQuotaLedger(database, clock, window);
    }

    @Override
    public ContentService contentService() {
        return content;
    }

    @Override
    public ContentReader contentReader() {
        return content;
    }

    @Override
    public PurgeLog purgeLog() {
        return purgeLog;
    }

    @Override
    public PurgeTaskStore purgeTasks() {
        return purgeTasks;
    }

    @Override
    public WebhookRegistry webhooks() {
        return webhooks;
    }

    @Override
    public DeliveryLog webhookDeliveries() {
        return webhooks;
    }
}
