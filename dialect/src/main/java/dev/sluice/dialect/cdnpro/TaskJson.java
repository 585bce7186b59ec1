package dev.sluice.dialect.cdnpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.dialect.PurgeUrl;
import dev.sluice.dialect.SafeJson;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskEntry;
import dev.sluice.purge.task.TaskState;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A purge task in CDN Pro's shapes: the status reply (§2.2), the list item (§2.3), the callback. */
final class TaskJson {

    private TaskJson() {}

    static ObjectNode status(PurgeTask task, String tenant) {
        ObjectNode o = SafeJson.mapper().createObjectNode();
        o.put("name", attr(task, "name"));
        o.put("target", attr(task, "target"));
        o.put("submissionTime", task.submittedAt().toString());
        o.put("finishTime", time(task.finishedAt()));
        o.put("status", status(task.state()));
        o.put("action", attr(task, "action"));
        o.put("apiRequestId", attr(task, "apiRequestId"));
        o.put("customerId", customerId(tenant));
        o.put("apiAccountId", attr(task, "apiAccountId"));
        strings(o.putArray("fileUrls"), task, TaskEntry.Kind.FILE);
        strings(o.putArray("dirUrls"), task, TaskEntry.Kind.DIR);
        strings(o.putArray("regexPatterns"), task, TaskEntry.Kind.REGEX);
        o.set("fileHeaders", fileHeaders(task));
        o.put("successRate", task.successRate());
        String webhook = task.attribute("webhook");
        if (webhook != null) {
            o.put("webhook", webhook);
        }
        return o;
    }

    static ObjectNode listItem(PurgeTask task) {
        ObjectNode o = SafeJson.mapper().createObjectNode();
        o.put("id", task.id());
        o.put("submissionTime", task.submittedAt().toString());
        o.put("finishTime", time(task.finishedAt()));
        ArrayNode hosts = o.putArray("hostnames");
        hostnames(task).forEach(hosts::add);
        o.put("fileEntries", task.count(TaskEntry.Kind.FILE));
        o.put("dirEntries", task.count(TaskEntry.Kind.DIR));
        o.put("regexEntries", task.count(TaskEntry.Kind.REGEX));
        o.put("target", attr(task, "target"));
        o.put("action", attr(task, "action"));
        o.put("status", status(task.state()));
        o.put("successRate", task.successRate());
        o.put("apiRequestId", attr(task, "apiRequestId"));
        o.put("apiAccountId", attr(task, "apiAccountId"));
        return o;
    }

    /** The callback body (spec §6.14, INFERRED field names). */
    static byte[] callback(PurgeTask task) {
        ObjectNode o = SafeJson.mapper().createObjectNode();
        o.put("subject", "Purge request %s finished".formatted(task.id()));
        o.put("taskType", "purge");
        ObjectNode item = o.putArray("taskList").addObject();
        item.put("taskId", task.id());
        item.put("status", status(task.state()));
        item.put("successRate", task.successRate());
        item.put("target", attr(task, "target"));
        item.put("action", attr(task, "action"));
        item.put("submissionTime", task.submittedAt().toString());
        item.put("finishTime", time(task.finishedAt()));
        return o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Set<String> hostnames(PurgeTask task) {
        Set<String> hosts = new LinkedHashSet<>();
        for (TaskEntry e : task.entries()) {
            String v = e.value();
            int scheme = v.indexOf("://");
            if (scheme > 0 && v.regionMatches(true, 0, "any", 0, 3)) {
                v = "http" + v.substring(scheme);
            }
            try {
                hosts.add(PurgeUrl.parse(v).host().toLowerCase(Locale.ROOT));
            } catch (RuntimeException ex) {
                // Entries were checked when submitted; an unparsable one names no host.
            }
        }
        return hosts;
    }

    static String status(TaskState state) {
        return switch (state) {
            case WAITING -> "waiting";
            case IN_PROGRESS -> "inprogress";
            case FINISHED, FAILED -> "finished";
        };
    }

    /** A stable positive customer number for the tenant (CDN Pro customers are integers). */
    static int customerId(String tenant) {
        return 10_000_000 + Math.floorMod(tenant.hashCode(), 90_000_000);
    }

    private static JsonNode fileHeaders(PurgeTask task) {
        try {
            return SafeJson.mapper().readTree(attr(task, "fileHeaders").isEmpty() ? "[]" : attr(task, "fileHeaders"));
        } catch (IOException e) {
            return SafeJson.mapper().createArrayNode();
        }
    }

    private static void strings(ArrayNode array, PurgeTask task, TaskEntry.Kind kind) {
        List<TaskEntry> entries = task.entries();
        entries.stream().filter(e -> e.kind() == kind).forEach(e -> array.add(e.value()));
    }

    private static String time(@org.jspecify.annotations.Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String attr(PurgeTask task, String name) {
        String v = task.attribute(name);
        return v == null ? "" : v;
    }
}
