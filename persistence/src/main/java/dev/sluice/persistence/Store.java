package dev.sluice.persistence;

import dev.sluice.content.ContentReader;
import dev.sluice.content.ContentService;
import dev.sluice.control.QuotaLedger;
import dev.sluice.control.webhook.DeliveryLog;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.task.PurgeTaskStore;
import java.io.IOException;
import java.time.Duration;

/**
 * Everything a control node keeps: content, the purge log, purge tasks and webhooks, in one database
 * so that one user action is one transaction. Kinds: {@link EmbeddedStore} (SQLite and files, one
 * process) and {@link PostgresStore} (shared by several processes).
 */
public interface Store extends AutoCloseable {

    /** The write and query side of content, for the Quant API. */
    ContentService contentService();

    /** The read side of content, for the edge. */
    ContentReader contentReader();

    /** The durable purge log. */
    PurgeLog purgeLog();

    /** Purge tasks of every dialect. */
    PurgeTaskStore purgeTasks();

    /** The webhook registry. */
    WebhookRegistry webhooks();

    /** The webhook delivery log. */
    DeliveryLog webhookDeliveries();

    /** Quota usage over a rolling window, shared by every process using the store. */
    QuotaLedger quotas(Duration window);

    @Override
    void close() throws IOException;
}
