package dev.sluice.control.webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A {@link WebhookRegistry} in a map; not durable. */
public final class InMemoryWebhookRegistry implements WebhookRegistry {

    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();

    @Override
    public void save(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public @Nullable Webhook find(String id) {
        return webhooks.get(id);
    }

    @Override
    public List<Webhook> list(String tenant) {
        return webhooks.values().stream()
                .filter(w -> w.tenant().equals(tenant))
                .sorted(Comparator.comparing(Webhook::createdAt).thenComparing(Webhook::id))
                .toList();
    }

    @Override
    public boolean delete(String id) {
        return webhooks.remove(id) != null;
    }
}
