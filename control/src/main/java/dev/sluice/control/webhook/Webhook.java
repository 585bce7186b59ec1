package dev.sluice.control.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A receiver told when a tenant's purge tasks finish.
 *
 * @param id the webhook id
 * @param tenant the owning tenant; only its tasks are sent here
 * @param name the name (CDN Pro: required, at most 250 characters)
 * @param description a description, may be empty
 * @param url where the callback is POSTed
 * @param user the CDN Pro credential user, or null
 * @param secretKey the secret the callback is signed with, or null for an unsigned callback
 * @param createdAt when it was created
 */
public record Webhook(
        String id,
        String tenant,
        String name,
        String description,
        String url,
        @Nullable String user,
        @Nullable String secretKey,
        Instant createdAt) {

    @Override
    public String toString() {
        return "Webhook[" + id + " of " + tenant + " -> " + url + "]";
    }
}
