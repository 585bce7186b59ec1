package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.control.webhook.Delivery;
import dev.sluice.control.webhook.DeliveryLog;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link WebhookRegistry} and {@link DeliveryLog} contract, run against every implementation
 * (memory, SQLite, PostgreSQL).
 */
abstract class WebhookStoreContract {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @SuppressWarnings("NullAway.Init") // opened before each test
    WebhookRegistry webhooks;

    @SuppressWarnings("NullAway.Init")
    DeliveryLog deliveries;

    /** Opens a new, empty store; sets {@link #webhooks} and {@link #deliveries}. */
    abstract void open() throws Exception;

    void close() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        open();
    }

    @AfterEach
    void closeStore() throws Exception {
        close();
    }

    @Test
    void webhooksAreSavedReplacedListedPerTenantAndDeleted() {
        Webhook b = new Webhook("b", "acme", "second", "", "https://h.example/b", null, null, T0.plusSeconds(1));
        Webhook a = new Webhook("a", "acme", "first", "d", "https://h.example/a", "u", "k", T0);
        Webhook other = new Webhook("c", "globex", "theirs", "", "https://h.example/c", null, null, T0);
        webhooks.save(b);
        webhooks.save(a);
        webhooks.save(other);

        assertThat(webhooks.list("acme")).containsExactly(a, b);
        Webhook renamed = new Webhook("a", "acme", "renamed", "d2", "https://h.example/a2", null, null, T0);
        webhooks.save(renamed);
        assertThat(webhooks.find("a")).isEqualTo(renamed);
        assertThat(webhooks.list("acme")).containsExactly(renamed, b);
        assertThat(webhooks.delete("a")).isTrue();
        assertThat(webhooks.delete("a")).isFalse();
        assertThat(webhooks.find("a")).isNull();
        assertThat(webhooks.list("globex")).containsExactly(other);
    }

    @Test
    void deliveriesAreKeptInOrderPerTaskAndForgottenByAge() {
        Delivery first = new Delivery("w", "t1", 1, T0, 500, "status 500");
        Delivery second = new Delivery("w", "t1", 2, T0.plus(Duration.ofMinutes(1)), 200, null);
        Delivery otherTask = new Delivery("w", "t2", 1, T0.plus(Duration.ofDays(2)), 200, null);
        deliveries.record(first);
        deliveries.record(second);
        deliveries.record(otherTask);

        assertThat(deliveries.forTask("t1")).containsExactly(first, second);
        assertThat(deliveries.deleteBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(deliveries.forTask("t1")).isEmpty();
        assertThat(deliveries.forTask("t2")).containsExactly(otherTask);
    }
}
