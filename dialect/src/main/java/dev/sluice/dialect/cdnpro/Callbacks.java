package dev.sluice.dialect.cdnpro;

import dev.sluice.control.webhook.Signing;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the CDN Pro callback of a finished CDN Pro task that named a webhook, signed the CDN Pro way.
 * The send happens in the background ({@link WebhookSender}), so the purge's reply never waits.
 */
final class Callbacks implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    private final WebhookRegistry webhooks;
    private final WebhookSender sender;

    Callbacks(WebhookRegistry webhooks, WebhookSender sender) {
        this.webhooks = webhooks;
        this.sender = sender;
    }

    @Override
    public void done(PurgeTask task) {
        String id = task.attribute("webhook");
        if (!task.dialect().equals(CdnPro.DIALECT) || id == null) {
            return;
        }
        Webhook webhook = webhooks.find(id);
        if (webhook == null || !webhook.tenant().equals(task.tenant())) {
            log.warn("purge task {}: webhook {} is gone, no callback sent", task.id(), id);
            return;
        }
        var _ = sender.send(webhook, task.id(), TaskJson.callback(task), Signing.CDNPRO);
    }
}
