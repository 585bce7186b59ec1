package dev.sluice.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.task.NodeProgress;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskEntry;
import dev.sluice.purge.task.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PurgeTask} as stored (version 1): {@code {"v":1,"id","tenant","dialect","submitted",
 * "finished"?,"state","requests":[<PurgeRequestCodec>],"entries":[{"kind","value"}],"attributes":{},
 * "successRate","nodes":[{"node","seq","done"}],"error"?}}. Times are epoch millis.
 */
final class PurgeTaskCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PurgeTaskCodec() {}

    static String encode(PurgeTask t) {
        ObjectNode o = MAPPER.createObjectNode().put("v", 1).put("id", t.id()).put("tenant", t.tenant());
        o.put("dialect", t.dialect()).put("submitted", t.submittedAt().toEpochMilli());
        Instant finished = t.finishedAt();
        if (finished != null) {
            o.put("finished", finished.toEpochMilli());
        }
        o.put("state", t.state().name()).put("successRate", t.successRate());
        t.requests().forEach(r -> o.withArray("requests").add(PurgeRequestCodec.encode(r)));
        t.entries()
                .forEach(e -> o.withArray("entries")
                        .addObject()
                        .put("kind", e.kind().name())
                        .put("value", e.value()));
        ObjectNode attributes = o.putObject("attributes");
        t.attributes().forEach(attributes::put);
        t.nodes()
                .forEach(n -> o.withArray("nodes")
                        .addObject()
                        .put("node", n.node())
                        .put("seq", n.appliedSeq())
                        .put("done", n.done()));
        String error = t.error();
        if (error != null) {
            o.put("error", error);
        }
        return o.toString();
    }

    static PurgeTask decode(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            List<PurgeRequest> requests = new ArrayList<>();
            o.path("requests").forEach(r -> requests.add(PurgeRequestCodec.decode(r.asText())));
            List<TaskEntry> entries = new ArrayList<>();
            o.path("entries")
                    .forEach(e -> entries.add(new TaskEntry(
                            TaskEntry.Kind.valueOf(e.path("kind").asText()),
                            e.path("value").asText())));
            Map<String, String> attributes = new LinkedHashMap<>();
            o.path("attributes")
                    .properties()
                    .forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
            List<NodeProgress> nodes = new ArrayList<>();
            o.path("nodes")
                    .forEach(n -> nodes.add(new NodeProgress(
                            n.path("node").asText(),
                            n.path("seq").asLong(),
                            n.path("done").asBoolean())));
            return new PurgeTask(
                    o.path("id").asText(),
                    o.path("tenant").asText(),
                    o.path("dialect").asText(),
                    Instant.ofEpochMilli(o.path("submitted").asLong()),
                    o.has("finished") ? Instant.ofEpochMilli(o.path("finished").asLong()) : null,
                    TaskState.valueOf(o.path("state").asText()),
                    requests,
                    entries,
                    attributes,
                    o.path("successRate").asInt(),
                    nodes,
                    o.has("error") ? o.path("error").asText() : null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SluiceException(
                    ErrorKind.INTERNAL, "purge task: corrupt record (%s)".formatted(e.getMessage()), e);
        }
    }
}
