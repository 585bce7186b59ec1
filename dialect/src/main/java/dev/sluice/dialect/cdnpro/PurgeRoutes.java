package dev.sluice.dialect.cdnpro;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.control.ApiUser;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.dialect.SafeJson;
import dev.sluice.dialect.VendorError;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.purge.task.QuotaCharge;
import dev.sluice.purge.task.TaskDraft;
import dev.sluice.purge.task.TaskEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** {@code /cdn/purges}: create (§2.1), status (§2.2), list (§2.3), summary (§2.4), tokens (§2.5). */
final class PurgeRoutes {

    private final SiteDirectory sites;
    private final PurgeTaskService tasks;
    private final PurgeQuotas quotas;
    private final WebhookRegistry webhooks;
    private final Clock clock;

    PurgeRoutes(
            SiteDirectory sites, PurgeTaskService tasks, PurgeQuotas quotas, WebhookRegistry webhooks, Clock clock) {
        this.sites = sites;
        this.tasks = tasks;
        this.quotas = quotas;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    WireResponse create(ApiUser user, WireRequest request, Map<String, String> params) {
        var body = SafeJson.read(request.body());
        PurgeDecoder.Decoded purge = new PurgeDecoder(sites, user.tenant()).decode(body);
        String webhook = webhook(user, body.get("webhook"));
        long files = purge.entries().stream()
                .filter(e -> e.kind() == TaskEntry.Kind.FILE)
                .count();
        QuotaCharge charge = quotas.charge(
                user.tenant(), purge.target(), files, purge.entries().size() - files);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", purge.name());
        attributes.put("target", purge.target());
        attributes.put("action", purge.action());
        attributes.put(
                "apiRequestId",
                HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        attributes.put("apiAccountId", user.user());
        attributes.put(
                "fileHeaders",
                SafeJson.mapper().valueToTree(purge.fileHeaders()).toString());
        if (webhook != null) {
            attributes.put("webhook", webhook);
        }
        PurgeTask task = tasks.submit(
                new TaskDraft(user.tenant(), CdnPro.DIALECT, purge.requests(), purge.entries(), attributes), charge);
        return CdnPro.created("/cdn/purges/" + task.id());
    }

    private @org.jspecify.annotations.Nullable String webhook(
            ApiUser user, com.fasterxml.jackson.databind.@org.jspecify.annotations.Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Webhook hook = node.isTextual() ? webhooks.find(node.asText()) : null;
        if (hook == null || !hook.tenant().equals(user.tenant())) {
            throw CdnPro.bad(
                    "InvalidWebhook",
                    "webhook: %s (expected: the id of one of your webhooks)"
                            .formatted(CdnPro.abbreviated(node.toString())));
        }
        return hook.id();
    }

    WireResponse status(ApiUser user, WireRequest request, Map<String, String> params) {
        PurgeTask task = tasks.store().find(params.getOrDefault("id", ""));
        if (task == null
                || !task.tenant().equals(user.tenant())
                || !task.dialect().equals(CdnPro.DIALECT)) {
            throw new VendorError(
                    ErrorKind.NOT_FOUND,
                    "InvalidPurgeTaskId",
                    "The specified purge task ID does not exist or has been deleted.");
        }
        return CdnPro.json(200, TaskJson.status(task, user.tenant()));
    }

    WireResponse list(ApiUser user, WireRequest request, Map<String, String> params) {
        ListQuery query = ListQuery.parse(request, clock.instant());
        List<PurgeTask> found =
                query.apply(tasks.store().list(user.tenant(), CdnPro.DIALECT, query.start(), query.end()));
        ObjectNode body = SafeJson.mapper().createObjectNode();
        body.put("count", found.size());
        ArrayNode items = body.putArray("purgeRequests");
        found.stream().skip(query.offset()).limit(query.limit()).forEach(t -> items.add(TaskJson.listItem(t)));
        return CdnPro.json(200, body);
    }

    WireResponse summary(ApiUser user, WireRequest request, Map<String, String> params) {
        Instant start = ListQuery.date(request.queryParam("startdate"), "InvalidStartDate", null);
        Instant end = ListQuery.date(request.queryParam("enddate"), "InvalidEndDate", null);
        Duration span = Duration.between(start, end);
        if (span.isNegative() || span.isZero() || span.compareTo(Duration.ofDays(31)) > 0) {
            throw CdnPro.bad(
                    "InvalidTimeSpan", "enddate - startdate: %s (expected: 0 < span <= 31 days)".formatted(span));
        }
        String target = request.queryParam("target");
        if (target != null) {
            ListQuery.target(target);
        }
        long[] totals = new long[7];
        for (PurgeTask t : tasks.store().list(user.tenant(), CdnPro.DIALECT, start, end)) {
            if (target != null && !target.equals(t.attribute("target"))) {
                continue;
            }
            int f = t.count(TaskEntry.Kind.FILE);
            int d = t.count(TaskEntry.Kind.DIR);
            int r = t.count(TaskEntry.Kind.REGEX);
            long[] add = {1, f > 0 ? 1 : 0, d > 0 ? 1 : 0, f, d, r > 0 ? 1 : 0, r};
            for (int i = 0; i < totals.length; i++) {
                totals[i] += add[i];
            }
        }
        ObjectNode body = SafeJson.mapper().createObjectNode();
        String[] names = {
            "requests", "fileRequests", "dirRequests", "fileEntries", "dirEntries", "regexRequests", "regexEntries"
        };
        for (int i = 0; i < names.length; i++) {
            body.put(names[i], totals[i]);
        }
        return CdnPro.json(200, body);
    }

    WireResponse tokens(ApiUser user, WireRequest request, Map<String, String> params) {
        String target = request.queryParam("target");
        if (target == null) {
            throw CdnPro.bad("InvalidTarget", "target: missing (expected: staging or production)");
        }
        ListQuery.target(target);
        long[] left = quotas.tokens(user.tenant(), target);
        ObjectNode body = SafeJson.mapper().createObjectNode();
        body.put("filePurgeTokens", left[0]);
        body.put("dirPurgeTokens", left[1]);
        return CdnPro.json(200, body);
    }
}
