package dev.sluice.purge.task;

import dev.sluice.purge.PurgeRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A purge as its client follows it, the same in every dialect: what was asked (the entries as sent and
 * the dialect-free requests), when, how far each node is, and how it ended.
 *
 * @param id the task id (a UUID), what the vendor APIs hand out
 * @param tenant the tenant that submitted it
 * @param dialect the API that submitted it: {@code quant}, {@code quantil}, {@code cdnpro}, {@code
 *     fivecents}
 * @param submittedAt when it was accepted
 * @param finishedAt when every node had applied it, or null while running
 * @param state the state
 * @param requests the purges submitted, one per site
 * @param entries the entries as the client sent them
 * @param attributes vendor fields echoed in replies (CDN Pro {@code name}, {@code target}, {@code
 *     action}, {@code webhook}, ...)
 * @param successRate the share of entries applied, 0-100
 * @param nodes per-node progress
 * @param error why the task failed, or null
 */
public record PurgeTask(
        String id,
        String tenant,
        String dialect,
        Instant submittedAt,
        @Nullable Instant finishedAt,
        TaskState state,
        List<PurgeRequest> requests,
        List<TaskEntry> entries,
        Map<String, String> attributes,
        int successRate,
        List<NodeProgress> nodes,
        @Nullable String error) {

    public PurgeTask {
        requests = List.copyOf(requests);
        entries = List.copyOf(entries);
        attributes = Map.copyOf(attributes);
        nodes = List.copyOf(nodes);
        if (successRate < 0 || successRate > 100) {
            throw new IllegalArgumentException("successRate: %d (expected: 0-100)".formatted(successRate));
        }
    }

    /** The attribute, or null. */
    public @Nullable String attribute(String name) {
        return attributes.get(name);
    }

    /** How many entries of the kind the task has. */
    public int count(TaskEntry.Kind kind) {
        return (int) entries.stream().filter(e -> e.kind() == kind).count();
    }

    /** A copy in another state. */
    PurgeTask with(
            TaskState newState,
            @Nullable Instant finished,
            int rate,
            List<NodeProgress> progress,
            @Nullable String failure) {
        return new PurgeTask(
                id,
                tenant,
                dialect,
                submittedAt,
                finished,
                newState,
                requests,
                entries,
                attributes,
                rate,
                progress,
                failure);
    }
}
