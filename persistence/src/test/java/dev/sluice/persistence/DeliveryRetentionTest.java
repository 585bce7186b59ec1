package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.control.webhook.Delivery;
import dev.sluice.control.webhook.DeliveryLog;
import dev.sluice.purge.task.TaskRetention;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The webhook delivery log is forgotten with the purge tasks, by the time each attempt ended. */
class DeliveryRetentionTest extends StoreTestBase {

    @Test
    void deliveriesOlderThanTheRetentionAreDeletedBySweep() {
        DeliveryLog deliveries = store.webhookDeliveries();
        TaskRetention retention =
                new TaskRetention(store.purgeTasks(), clock, TaskRetention.DEFAULT, deliveries::deleteBefore);
        deliveries.record(new Delivery("w1", "old", 1, clock.instant(), 500, "status 500"));
        clock.advance(Duration.ofDays(10));
        deliveries.record(new Delivery("w1", "young", 1, clock.instant(), 200, null));

        clock.advance(Duration.ofDays(20));
        retention.sweep();
        assertThat(deliveries.forTask("old")).as("exactly 30 days old is kept").hasSize(1);

        clock.advance(Duration.ofMillis(1));
        retention.sweep();
        assertThat(deliveries.forTask("old")).isEmpty();
        assertThat(deliveries.forTask("young")).hasSize(1);

        clock.advance(Duration.ofDays(10));
        assertThat(deliveries.deleteBefore(clock.instant().minus(TaskRetention.DEFAULT)))
                .isEqualTo(1);
        assertThat(deliveries.forTask("young")).isEmpty();
    }
}
