package dev.sluice.control.webhook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where webhooks are kept: in memory for tests, SQLite on one node. */
public interface WebhookRegistry {

    /** Inserts or replaces the webhook. */
    void save(Webhook webhook);

    /** The webhook, or null. */
    @Nullable
    Webhook find(String id);

    /** The tenant's webhooks, oldest first. */
    List<Webhook> list(String tenant);

    /** Removes the webhook; returns whether it existed. */
    boolean delete(String id);
}
