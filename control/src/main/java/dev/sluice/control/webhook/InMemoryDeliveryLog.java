package dev.sluice.control.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link DeliveryLog} in a list; not durable. */
public final class InMemoryDeliveryLog implements DeliveryLog {

    private final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public synchronized void record(Delivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public synchronized List<Delivery> forTask(String taskId) {
        return deliveries.stream().filter(d -> d.taskId().equals(taskId)).toList();
    }

    @Override
    public synchronized int deleteBefore(Instant cutoff) {
        int before = deliveries.size();
        deliveries.removeIf(d -> d.at().isBefore(cutoff));
        return before - deliveries.size();
    }
}
