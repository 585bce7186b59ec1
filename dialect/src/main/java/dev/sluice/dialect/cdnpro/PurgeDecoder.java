package dev.sluice.dialect.cdnpro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.cache.PurgeMode;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.PurgeUrl;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.TargetRegex;
import dev.sluice.purge.task.TaskEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decodes a {@code POST /cdn/purges} body (spec §2.1) for one tenant into dialect-free requests, one
 * per site, refusing with CDN Pro's codes anything the vendor refuses. Nothing is purged here.
 *
 * <p>{@code fileUrls} are exact keys; {@code dirUrls} are {@link Matcher.Glob}s with the seed's
 * last-wildcard table; {@code regexPatterns} are {@link Matcher.Regex}es on the key after the host.
 * {@code fileHeaders} select, for every file URL, only the variants a request with those header values
 * would be served (names case-insensitive); they are kept with the task as sent. A host that is not one of the tenant's sites in
 * the target environment is {@code InvalidPurgeUrl} "not deployed", whoever owns it.
 */
final class PurgeDecoder {

    static final int MAX_FILE_URLS = 1000;
    static final int MAX_DIR_URLS = 20;
    static final int MAX_REGEXES = 2;
    static final int MAX_REGEX_LENGTH = 126;
    static final int MAX_UNLIMITED_QUANTIFIERS = 2;
    static final int MAX_QUANTIFIER_BOUND = 59;

    /** The decoded purge: what to submit and what to keep with the task. */
    record Decoded(
            List<PurgeRequest> requests,
            List<TaskEntry> entries,
            List<Map<String, String>> fileHeaders,
            String target,
            String action,
            String name) {}

    private final SiteDirectory sites;
    private final String tenant;
    private final Map<SiteId, List<Matcher>> matchers = new LinkedHashMap<>();
    private final List<TaskEntry> entries = new ArrayList<>();
    private String target = "";

    PurgeDecoder(SiteDirectory sites, String tenant) {
        this.sites = sites;
        this.tenant = tenant;
    }

    Decoded decode(JsonNode body) {
        if (!body.isObject()) {
            throw CdnPro.bad("InvalidRequest", "body: not a JSON object (expected: a purge request)");
        }
        target = text(body, "target", "InvalidTarget", "target: missing (expected: staging or production)");
        if (!target.equals("staging") && !target.equals("production")) {
            throw CdnPro.bad("InvalidTarget", "target: %s (expected: staging or production)".formatted(target));
        }
        String action = body.has("action") ? text(body, "action", "InvalidAction", "action") : "invalidate";
        if (!action.equals("delete") && !action.equals("invalidate")) {
            throw CdnPro.bad("InvalidAction", "action: %s (expected: delete or invalidate)".formatted(action));
        }
        String name = body.has("name") ? text(body, "name", "InvalidName", "name") : "";
        List<Map<String, String>> headers = fileHeaders(body.get("fileHeaders"));
        Map<String, String> selecting = new TreeMap<>();
        headers.forEach(
                h -> selecting.put(h.getOrDefault("name", "").toLowerCase(Locale.ROOT), h.getOrDefault("value", "")));
        for (String url : strings(body, "fileUrls", MAX_FILE_URLS)) {
            file(url, selecting);
        }
        for (String url : strings(body, "dirUrls", MAX_DIR_URLS)) {
            dir(url);
        }
        for (String pattern : strings(body, "regexPatterns", MAX_REGEXES)) {
            regex(pattern);
        }
        if (entries.isEmpty()) {
            throw CdnPro.bad(
                    "InvalidRequest", "fileUrls, dirUrls, regexPatterns: empty (expected: something to purge)");
        }
        PurgeMode mode = action.equals("delete") ? PurgeMode.HARD : PurgeMode.SOFT;
        List<PurgeRequest> requests = new ArrayList<>();
        matchers.forEach((site, list) -> requests.add(new PurgeRequest(site, list, mode)));
        return new Decoded(requests, entries, headers, target, action, name);
    }

    private void file(String url, Map<String, String> selecting) {
        checkUrl(url);
        if (url.indexOf('*') >= 0) {
            throw CdnPro.invalidUrl(url);
        }
        PurgeUrl parsed = PurgeUrl.parse(url);
        Site site = site(parsed.host());
        add(site, new Matcher.Exact(targetOf(site, parsed.pathAndQuery(), url), selecting), TaskEntry.file(url));
    }

    private void dir(String url) {
        checkUrl(url);
        PurgeUrl parsed = PurgeUrl.parse(url);
        Site site = site(parsed.host());
        add(site, new Matcher.Glob(targetOf(site, parsed.pathAndQuery(), url)), TaskEntry.dir(url));
    }

    private void regex(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        int schemeEnd = lower.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : lower.substring(0, schemeEnd);
        int slash = schemeEnd < 0 ? -1 : pattern.indexOf('/', schemeEnd + 3);
        if (!List.of("http", "https", "any").contains(scheme) || slash < 0) {
            throw CdnPro.bad(
                    "InvalidRegexPattern",
                    "regexPattern: %s (expected: {http|https|any}://{hostname}/...)"
                            .formatted(CdnPro.abbreviated(pattern)));
        }
        String path = pattern.substring(slash);
        checkRegexLimits(path);
        try {
            TargetRegex.compile(path);
        } catch (SluiceException e) {
            throw CdnPro.bad("InvalidRegexPattern", e.getMessage() == null ? "regexPattern: invalid" : e.getMessage());
        }
        Site site = site(pattern.substring(schemeEnd + 3, slash).toLowerCase(Locale.ROOT));
        add(site, new Matcher.Regex(path), TaskEntry.regex(pattern));
    }

    static void checkRegexLimits(String path) {
        if (path.length() > MAX_REGEX_LENGTH) {
            throw CdnPro.bad(
                    "InvalidRegexPattern",
                    "regexPattern: %d characters after the host (expected: <= %d)"
                            .formatted(path.length(), MAX_REGEX_LENGTH));
        }
        int unlimited = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '+' || (c == ',' && i + 1 < path.length() && path.charAt(i + 1) == '}')) {
                unlimited++;
            } else if (c == '{') {
                checkBound(path, i);
            }
        }
        if (unlimited > MAX_UNLIMITED_QUANTIFIERS) {
            throw CdnPro.bad(
                    "InvalidRegexPattern",
                    "regexPattern: %d unlimited quantifiers (expected: <= %d)"
                            .formatted(unlimited, MAX_UNLIMITED_QUANTIFIERS));
        }
    }

    private static void checkBound(String path, int open) {
        int close = path.indexOf('}', open);
        if (close < 0) {
            return;
        }
        for (String part : path.substring(open + 1, close).split(",", -1)) {
            String digits = part.trim();
            if (!digits.isEmpty()
                    && digits.chars().allMatch(Character::isDigit)
                    && (digits.length() > 3 || Integer.parseInt(digits) > MAX_QUANTIFIER_BOUND)) {
                throw CdnPro.bad(
                        "InvalidRegexPattern",
                        "regexPattern: quantifier bound %s (expected: <= %d)".formatted(digits, MAX_QUANTIFIER_BOUND));
            }
        }
    }

    private static void checkUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (url.length() < 10
                || url.length() > 2048
                || !PurgeUrl.isEncoded(url)
                || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
            throw CdnPro.invalidUrl(url);
        }
    }

    private String targetOf(Site site, String pathAndQuery, String url) {
        try {
            return PurgeUrl.target(site, pathAndQuery);
        } catch (SluiceException e) {
            throw CdnPro.invalidUrl(url);
        }
    }

    private Site site(String host) {
        boolean staging = target.equals("staging");
        Site site = staging ? sites.byStagingHost(host) : sites.byHost(host);
        if (site == null || !site.id().tenant().equals(tenant)) {
            throw CdnPro.notDeployed(host, target);
        }
        return site;
    }

    private void add(Site site, Matcher matcher, TaskEntry entry) {
        SiteId id = target.equals("staging") ? site.id().staging() : site.id();
        matchers.computeIfAbsent(id, k -> new ArrayList<>()).add(matcher);
        entries.add(entry);
    }

    private static List<Map<String, String>> fileHeaders(JsonNode node) {
        List<Map<String, String>> headers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (!node.isArray()) {
            throw CdnPro.bad("InvalidFileHeader", "fileHeaders: not an array (expected: [{name, value}])");
        }
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode h : node) {
            JsonNode name = h.get("name");
            JsonNode value = h.get("value");
            if (name == null || !name.isTextual() || name.asText().isBlank() || value == null || !value.isTextual()) {
                throw CdnPro.bad("InvalidFileHeader", "fileHeaders: %s (expected: {name, value} strings)".formatted(h));
            }
            if (!names.add(name.asText())) {
                throw CdnPro.bad(
                        "DuplicateFileHeaderName",
                        "fileHeaders: %s given twice (expected: unique names)".formatted(name.asText()));
            }
            headers.add(Map.of("name", name.asText(), "value", value.asText()));
        }
        return headers;
    }

    private static List<String> strings(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        String code = field.equals("regexPatterns") ? "InvalidRegexPattern" : "InvalidPurgeUrl";
        if (!node.isArray()) {
            throw CdnPro.bad(code, "%s: not an array (expected: an array of strings)".formatted(field));
        }
        if (node.size() > max) {
            throw CdnPro.bad(
                    "TooManyPurgeEntries", "%s: %d entries (expected: <= %d)".formatted(field, node.size(), max));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw CdnPro.bad(code, "%s: %s (expected: strings)".formatted(field, CdnPro.abbreviated(n.toString())));
            }
            values.add(n.asText());
        }
        return values;
    }

    private static String text(JsonNode body, String field, String code, String what) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw CdnPro.bad(code, what.contains(":") ? what : "%s: not a string (expected: a string)".formatted(what));
        }
        return node.asText();
    }
}
