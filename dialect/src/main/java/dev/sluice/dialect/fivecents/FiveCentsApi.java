package dev.sluice.dialect.fivecents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.cache.PurgeMode;
import dev.sluice.control.KeyedRateLimiter;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.VendorCredentials;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.ErrorReplies;
import dev.sluice.dialect.PurgeUrl;
import dev.sluice.dialect.Routes;
import dev.sluice.dialect.SafeJson;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.purge.task.QuotaCharge;
import dev.sluice.purge.task.TaskDraft;
import dev.sluice.purge.task.TaskEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 5centsCDN's purge routes, mounted at {@code /v2/zones}: {@code POST /http/pull/{zone}/purge}, {@code
 * POST /http/push/{zone}/restore}, {@code POST /vod/pull/{zone}/purge}. Body {@code {"files":[paths]}}
 * purges those paths; no body, or no {@code files}, purges the whole zone. {@code delete=true} evicts
 * (HARD); anything else marks stale (SOFT), spec §6.21. Auth by {@code X-API-Key} (any case); a zone
 * that is not the key's tenant's, or not of the route's kind, gets 403 and nothing is purged. 5
 * requests per second per key, then 429.
 *
 * <p>Every task is stored, so a request is bounded: at most {@value #MAX_FILES} files and {@value
 * #MAX_PATH_BYTES} bytes of paths (400), and a tenant at most {@value #DAILY_PATHS} paths per rolling
 * 24 hours (429; a whole-zone purge counts as one).
 */
public final class FiveCentsApi implements WireHandler {

    static final String DIALECT = "fivecents";
    static final int MAX_FILES = 1000;
    static final int MAX_PATH_BYTES = 256 * 1024;
    static final long DAILY_PATHS = 20_000;
    static final String FORBIDDEN = "Your account does not have permission to perform this action.";

    private final WireHandler handler;
    private final SiteDirectory sites;
    private final PurgeTaskService tasks;

    /**
     * @param tasks records each purge with its daily path quota charge (24 h rolling)
     */
    public FiveCentsApi(
            SiteDirectory sites, VendorCredentials credentials, KeyedRateLimiter limiter, PurgeTaskService tasks) {
        this.sites = sites;
        this.tasks = tasks;
        Routes<String> routes = new Routes<String>()
                .add("POST", "/http/pull/{zone}/purge", (t, r, p) -> purge(t, r, p, true, "Zone Purged"))
                .add("POST", "/http/push/{zone}/restore", (t, r, p) -> purge(t, r, p, false, "Zone Purged"))
                .add("POST", "/vod/pull/{zone}/purge", (t, r, p) -> purge(t, r, p, true, "Zone updated successfully"));
        WireHandler secured = request -> {
            String key = request.header("X-API-Key");
            if (key == null || key.isBlank()) {
                throw new SluiceException(
                        ErrorKind.UNAUTHORIZED, "API key is required. Include X-API-KEY in your request header.");
            }
            String tenant = credentials.fivecentsTenant(key.trim());
            if (tenant == null) {
                throw new SluiceException(
                        ErrorKind.UNAUTHORIZED, "Invalid API key. Check your key or generate a new one.");
            }
            limiter.acquire(tenant + "/" + key.trim().hashCode());
            return routes.route(tenant, request);
        };
        this.handler = ErrorReplies.rendered("5centsCDN", secured, FiveCentsApi::error);
    }

    @Override
    public WireResponse handle(WireRequest request) {
        return handler.handle(request);
    }

    private WireResponse purge(
            String tenant, WireRequest request, Map<String, String> params, boolean pull, String message) {
        Site site = zone(tenant, params.getOrDefault("zone", ""), pull);
        List<String> files = files(SafeJson.read(request.body()));
        List<Matcher> matchers = new ArrayList<>();
        List<TaskEntry> entries = new ArrayList<>();
        for (String file : files) {
            matchers.add(new Matcher.Exact(target(site, file)));
            entries.add(TaskEntry.file(file));
        }
        if (files.isEmpty()) {
            matchers.add(new Matcher.All());
            entries.add(new TaskEntry(TaskEntry.Kind.ALL, "*"));
        }
        boolean delete = "true".equalsIgnoreCase(request.queryParam("delete"));
        PurgeRequest purge = new PurgeRequest(site.id(), matchers, delete ? PurgeMode.HARD : PurgeMode.SOFT);
        tasks.submit(
                new TaskDraft(
                        tenant,
                        DIALECT,
                        List.of(purge),
                        entries,
                        Map.of("zone", params.getOrDefault("zone", ""), "delete", Boolean.toString(delete))),
                charge(tenant, entries.size()));
        ObjectNode body =
                SafeJson.mapper().createObjectNode().put("result", "success").put("message", message);
        return WireResponse.json(200, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The daily path quota, paid with the task (refused with 429). */
    private static QuotaCharge charge(String tenant, long paths) {
        String key = "fivecents/" + tenant + "/paths";
        return new QuotaCharge(
                Map.of(key, paths),
                Map.of(key, DAILY_PATHS),
                false,
                Duration.ofHours(24),
                () -> new SluiceException(
                        ErrorKind.RATE_LIMITED,
                        "Purge quota exceeded: at most %d paths per 24 hours.".formatted(DAILY_PATHS)));
    }

    private Site zone(String tenant, String zone, boolean pull) {
        Site site = null;
        try {
            site = sites.byZone(Long.parseLong(zone));
        } catch (NumberFormatException e) {
            // An id that is not a number names no zone: the same refusal as another tenant's.
        }
        if (site == null || !site.id().tenant().equals(tenant) || site.pullZone() != pull) {
            throw new SluiceException(ErrorKind.FORBIDDEN, FORBIDDEN);
        }
        return site;
    }

    private static List<String> files(JsonNode body) {
        if (body.isMissingNode() || body.isNull()) {
            return List.of();
        }
        JsonNode files = body.isObject() ? body.get("files") : null;
        if (!body.isObject() || (files != null && !files.isNull() && !files.isArray())) {
            throw new SluiceException(ErrorKind.BAD_REQUEST, "files: expected an array of paths");
        }
        List<String> paths = new ArrayList<>();
        long bytes = 0;
        if (files == null || files.isNull()) {
            return paths;
        }
        if (files.size() > MAX_FILES) {
            throw new SluiceException(
                    ErrorKind.BAD_REQUEST, "files: %d entries (expected: <= %d)".formatted(files.size(), MAX_FILES));
        }
        for (JsonNode f : files) {
            String path = f.isTextual() ? f.asText() : "";
            if (!path.startsWith("/") || path.indexOf('*') >= 0 || path.length() > 2048 || !PurgeUrl.isEncoded(path)) {
                throw new SluiceException(
                        ErrorKind.BAD_REQUEST,
                        "files: %s (expected: encoded paths starting with /, without *)"
                                .formatted(abbreviated(f.toString())));
            }
            bytes += path.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_PATH_BYTES) {
                throw new SluiceException(
                        ErrorKind.BAD_REQUEST,
                        "files: over %d bytes of paths (expected: <= %d)".formatted(MAX_PATH_BYTES, MAX_PATH_BYTES));
            }
            paths.add(path);
        }
        return paths;
    }

    private static String target(Site site, String path) {
        try {
            return PurgeUrl.target(site, path);
        } catch (SluiceException e) {
            throw new SluiceException(
                    ErrorKind.BAD_REQUEST, "files: %s (expected: a valid path)".formatted(abbreviated(path)));
        }
    }

    /** {@code {"status":"error","errors":[{"code":<status>,"message":..}]}}. */
    static WireResponse error(int status, @Nullable String code, String message) {
        ObjectNode body = SafeJson.mapper().createObjectNode().put("status", "error");
        body.putArray("errors").addObject().put("code", status).put("message", message);
        return WireResponse.json(status, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
