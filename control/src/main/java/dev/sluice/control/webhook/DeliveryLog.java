package dev.sluice.control.webhook;

import java.time.Instant;
import java.util.List;

/** The record of every delivery attempt, for operators and the webhook's owner. */
public interface DeliveryLog {

    void record(Delivery delivery);

    /** The attempts for a task, in order. */
    List<Delivery> forTask(String taskId);

    /** Deletes the attempts that ended before the cutoff (retention); returns how many. */
    int deleteBefore(Instant cutoff);
}
