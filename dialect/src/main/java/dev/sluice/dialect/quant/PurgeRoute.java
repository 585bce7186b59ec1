package dev.sluice.dialect.quant;

import dev.sluice.cache.PurgeMode;
import dev.sluice.content.ContentPaths;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.PurgeService;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.purge.task.TaskDraft;
import dev.sluice.purge.task.TaskEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/purge} (spec §1.13, §6.1, §6.12). {@code Quant-Url}: {@code /*} is the whole site,
 * a trailing {@code *} a prefix of canonical paths, anything else one canonical path. {@code
 * Cache-Keys}: space-separated tags, matched exactly. Both together purge the union; neither is a
 * 400. {@code Soft-Purge: true|1} marks stale instead of evicting. The reply is exactly {@code
 * {"status":"accepted"}}, sent once the purge is logged and applied on this node.
 */
final class PurgeRoute implements SiteRoute {

    private final Consumer<PurgeRequest> purges;

    PurgeRoute(PurgeService purges) {
        this.purges = purges::submit;
    }

    /** A route that records each purge as a task of the site's tenant. */
    PurgeRoute(PurgeTaskService tasks) {
        this.purges = request -> tasks.submit(
                new TaskDraft(request.site().tenant(), "quant", List.of(request), entries(request), Map.of()));
    }

    private static List<TaskEntry> entries(PurgeRequest request) {
        return request.matchers().stream()
                .map(m -> switch (m) {
                    case Matcher.Exact e -> TaskEntry.file(e.target());
                    case Matcher.Prefix p -> TaskEntry.dir(p.prefix());
                    case Matcher.Glob g -> TaskEntry.dir(g.pattern());
                    case Matcher.Regex r -> TaskEntry.regex(r.pattern());
                    case Matcher.Tag t -> new TaskEntry(TaskEntry.Kind.TAG, t.tag());
                    case Matcher.All a -> new TaskEntry(TaskEntry.Kind.ALL, "/*");
                })
                .toList();
    }

    @Override
    public WireResponse handle(SiteId site, QuantCall call) {
        List<Matcher> matchers = new ArrayList<>();
        String url = trimmed(call.header("Quant-Url"));
        if (!url.isEmpty()) {
            matchers.addAll(urlMatchers(url));
        }
        for (String key : keys(call.header("Cache-Keys"))) {
            matchers.add(new Matcher.Tag(key));
        }
        if (matchers.isEmpty()) {
            throw SluiceException.badRequest(
                    "Quant-Url, Cache-Keys: missing (expected: a path to purge or space-separated cache keys)");
        }
        PurgeMode mode = QuantCall.isTrue(call.header("Soft-Purge")) ? PurgeMode.SOFT : PurgeMode.HARD;
        purges.accept(new PurgeRequest(site, matchers, mode));
        return QuantJson.ok(QuantJson.object().put("status", "accepted"));
    }

    static List<Matcher> urlMatchers(String raw) {
        String url = withoutOrigin(raw);
        if (url.equals("*") || url.equals("/*")) {
            return List.of(new Matcher.All());
        }
        if (url.endsWith("*")) {
            String prefix = withoutWildcard(url);
            String canonical = ContentPaths.canonical(prefix);
            if (prefix.endsWith("/") && !canonical.equals("/")) {
                // "/blog/*" purges the directory's own page (/blog/index.html is /blog) and what is
                // below /blog/, but not /blogger.
                return List.of(new Matcher.Exact(canonical), new Matcher.Prefix(canonical + "/"));
            }
            return List.of(new Matcher.Prefix(canonical));
        }
        return List.of(new Matcher.Exact(ContentPaths.canonical(noWildcard(url, url))));
    }

    private static String withoutWildcard(String url) {
        String prefix = url.substring(0, url.length() - 1);
        return noWildcard(prefix, url);
    }

    private static String noWildcard(String path, String asSent) {
        if (path.contains("*")) {
            throw SluiceException.badRequest(
                    "Quant-Url: %s (expected: a path, /*, or a path ending in *)".formatted(asSent));
        }
        return path;
    }

    /** WordPress may purge a full URL: keep its path. */
    private static String withoutOrigin(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return url;
        }
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? "/" : url.substring(slash);
    }

    private static Set<String> keys(@Nullable String header) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : trimmed(header).split("\\s+", -1)) {
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String trimmed(@Nullable String value) {
        return value == null ? "" : value.trim();
    }
}
