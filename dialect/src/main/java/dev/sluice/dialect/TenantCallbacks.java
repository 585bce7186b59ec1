package dev.sluice.dialect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.control.webhook.Signing;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskEntry;
import dev.sluice.purge.task.TaskListener;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Tells a tenant's configured receivers about every finished (or failed) purge task of that tenant,
 * whatever the dialect that submitted it, signed with {@code X-Sluice-Signature} (HMAC-SHA256). The
 * {@link WebhookSender} sends in the background and retries with backoff, so the purge's reply never
 * waits for a receiver; every attempt lands in its delivery log. The receivers are the operator's
 * (configuration), so they may be internal addresses.
 *
 * <p>Body: {@code {"event":"purge.finished","taskId","tenant","dialect","status","successRate",
 * "submissionTime","finishTime","entryCount","entries":[{"kind","value"}]}}, with at most {@link
 * #MAX_ENTRIES} entries and {@code "entriesTruncated":true} when there were more: the sender holds
 * the body while it retries.
 */
public final class TenantCallbacks implements TaskListener {

    /** Entries listed in a callback body at most. */
    public static final int MAX_ENTRIES = 100;

    private final Function<String, List<Webhook>> hooks;
    private final WebhookSender sender;

    /**
     * @param hooks the receivers of a tenant, none for most
     * @param sender delivers, retries and logs
     */
    public TenantCallbacks(Function<String, List<Webhook>> hooks, WebhookSender sender) {
        this.hooks = hooks;
        this.sender = sender;
    }

    @Override
    public void done(PurgeTask task) {
        List<Webhook> receivers = hooks.apply(task.tenant());
        if (receivers.isEmpty()) {
            return;
        }
        byte[] body = body(task);
        for (Webhook hook : receivers) {
            if (hook.tenant().equals(task.tenant())) {
                var _ = sender.sendTrusted(hook, task.id(), body, Signing.HMAC_SHA256);
            }
        }
    }

    /** The callback body of a task. */
    public static byte[] body(PurgeTask task) {
        ObjectNode o = SafeJson.mapper().createObjectNode();
        o.put("event", "purge.finished");
        o.put("taskId", task.id());
        o.put("tenant", task.tenant());
        o.put("dialect", task.dialect());
        o.put("status", task.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("successRate", task.successRate());
        o.put("submissionTime", task.submittedAt().toString());
        Instant finished = task.finishedAt();
        o.put("finishTime", finished == null ? "" : finished.toString());
        List<TaskEntry> all = task.entries();
        o.put("entryCount", all.size());
        if (all.size() > MAX_ENTRIES) {
            o.put("entriesTruncated", true);
        }
        ArrayNode entries = o.putArray("entries");
        for (TaskEntry e : all.subList(0, Math.min(all.size(), MAX_ENTRIES))) {
            entries.addObject().put("kind", e.kind().wireName()).put("value", e.value());
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
