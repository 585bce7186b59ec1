package dev.sluice.dialect.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentService;
import dev.sluice.content.Entry;
import dev.sluice.content.EntryType;
import dev.sluice.content.MetaPage;
import dev.sluice.content.MetaQuery;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The read-only routes: {@code /ping} (§1.1), {@code /global-meta} (§1.6, §6.6-6.9), {@code /url-meta} (§1.7). */
final class MetaRoutes {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final ContentService content;

    MetaRoutes(ContentService content) {
        this.content = content;
    }

    WireResponse ping(SiteId site, QuantCall call) {
        ObjectNode reply = QuantJson.object().put("project", site.name());
        reply.putObject("config").put("search_enabled", false);
        return QuantJson.ok(QuantReplies.succeeded(reply));
    }

    /**
     * A page of entries. The totals sit inside {@code global_meta}, where every client reads them,
     * and are repeated at the top level as the OAS has them; with no matching record {@code
     * global_meta} is left out, which is how quant-cli 1.12 learns that nothing is published.
     */
    WireResponse globalMeta(SiteId site, QuantCall call) {
        MetaPage page = content.globalMeta(site, query(call));
        ObjectNode reply = QuantJson.object();
        if (page.totalRecords() > 0) {
            ObjectNode meta = totals(reply.putObject("global_meta"), page);
            ArrayNode records = meta.putArray("records");
            page.entries().forEach(e -> records.add(QuantReplies.record(e)));
            meta.put("results_limited", false).put("refine_search", false);
        }
        return QuantJson.ok(totals(reply, page));
    }

    /** The entries of the listed URLs that exist: body {@code {"Quant-Url": [..]}}. */
    WireResponse urlMeta(SiteId site, QuantCall call) {
        ObjectNode body = QuantJson.readObject(call.request().body());
        JsonNode urls = body.get("Quant-Url");
        if (urls == null || !urls.isArray()) {
            throw SluiceException.badRequest("Quant-Url: missing (expected: an array of paths)");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode url : urls) {
            if (!url.isTextual()) {
                throw SluiceException.badRequest("Quant-Url: %s (expected: an array of paths)".formatted(url));
            }
            paths.add(url.textValue().isEmpty() ? "/" : ContentPaths.validated(url.textValue()));
        }
        List<Entry> entries = content.urlMeta(site, paths);
        ObjectNode reply = QuantJson.object();
        ArrayNode records = reply.putObject("global_meta").putArray("records");
        entries.forEach(e -> records.add(QuantReplies.record(e)));
        return QuantJson.ok(QuantReplies.succeeded(reply));
    }

    static MetaQuery query(QuantCall call) {
        String size = call.request().queryParam("page_size");
        if (size == null) {
            size = call.request().queryParam("per_page");
        }
        int pageSize = Math.min(number("page_size", size, DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
        int page = number("page", call.request().queryParam("page"), 1);
        String direction = call.request().queryParam("sort_direction");
        boolean newestFirst = direction == null || !direction.equalsIgnoreCase("asc");
        return new MetaQuery(
                type(call.request().queryParam("quant_type")),
                bool("published", call.request().queryParam("published")),
                bool("deleted", call.request().queryParam("deleted")),
                page,
                pageSize,
                newestFirst);
    }

    private static ObjectNode totals(ObjectNode node, MetaPage page) {
        return node.put("total_records", page.totalRecords())
                .put("total_pages", page.totalPages())
                .put("page", page.page())
                .put("page_size", page.pageSize());
    }

    private static int number(String name, @Nullable String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SluiceException.badRequest("%s: %s (expected: a number >= 1)".formatted(name, value));
    }

    private static @Nullable Boolean bool(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw SluiceException.badRequest("%s: %s (expected: true or false)".formatted(name, value));
        };
    }

    private static @Nullable EntryType type(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (EntryType type : EntryType.values()) {
            if (type.wireName().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw SluiceException.badRequest(
                "quant_type: %s (expected: content, file, redirect or proxy)".formatted(value));
    }
}
