package dev.sluice.purge.task;

import dev.sluice.purge.PurgeRequest;
import java.util.List;
import java.util.Map;

/**
 * A purge task as a dialect asks for it, before it has an id.
 *
 * @param tenant the tenant submitting
 * @param dialect the API submitting
 * @param requests the purges, one per site (at least one)
 * @param entries the entries as the client sent them
 * @param attributes vendor fields to keep with the task
 */
public record TaskDraft(
        String tenant,
        String dialect,
        List<PurgeRequest> requests,
        List<TaskEntry> entries,
        Map<String, String> attributes) {

    public TaskDraft {
        requests = List.copyOf(requests);
        entries = List.copyOf(entries);
        attributes = Map.copyOf(attributes);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("requests: [] (expected: at least one)");
        }
    }
}
