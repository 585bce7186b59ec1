package dev.sluice.dialect.quantil;

import dev.sluice.cache.PurgeMode;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.PurgeUrl;
import dev.sluice.dialect.SafeXml;
import dev.sluice.dialect.VendorError;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.task.TaskEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code <purge-urls><version/><file-url/>...<dir-url/>...</purge-urls>} (§3.1) for one tenant.
 * A file URL purges its object (HARD: QUANTIL purges remove); a dir URL purges everything below the
 * directory, recursively, and the directory's own page. A host that is not one of the tenant's sites
 * is 404 {@code NoSuchDomain}, whoever owns it; {@code *} in a file URL, unencoded characters, unknown
 * elements and more than {@value #MAX_URLS} URLs are 400 {@code InvalidPurgeUrl}/{@code
 * InvalidRequest}.
 */
final class QuantilPurgeDecoder {

    static final int MAX_URLS = 1000;

    record Decoded(List<PurgeRequest> requests, List<TaskEntry> entries, int files, int dirs) {}

    private final SiteDirectory sites;
    private final String tenant;
    private final Map<SiteId, List<Matcher>> matchers = new LinkedHashMap<>();
    private final List<TaskEntry> entries = new ArrayList<>();

    QuantilPurgeDecoder(SiteDirectory sites, String tenant) {
        this.sites = sites;
        this.tenant = tenant;
    }

    Decoded decode(SafeXml.Document doc) {
        if (!doc.root().equals("purge-urls")) {
            throw VendorError.badRequest(
                    "InvalidRequest", "root element: %s (expected: purge-urls)".formatted(doc.root()));
        }
        int files = 0;
        int dirs = 0;
        for (SafeXml.Element e : doc.children()) {
            switch (e.name()) {
                case "version" -> {}
                case "file-url" -> {
                    file(e.text());
                    files++;
                }
                case "dir-url" -> {
                    dir(e.text());
                    dirs++;
                }
                default ->
                    throw VendorError.badRequest(
                            "InvalidRequest", "element: %s (expected: version, file-url, dir-url)".formatted(e.name()));
            }
            if (files + dirs > MAX_URLS) {
                throw VendorError.badRequest(
                        "InvalidRequest", "urls: more than %d (expected: <= %d)".formatted(MAX_URLS, MAX_URLS));
            }
        }
        if (entries.isEmpty()) {
            throw VendorError.badRequest("InvalidRequest", "file-url, dir-url: none (expected: at least one URL)");
        }
        List<PurgeRequest> requests = new ArrayList<>();
        matchers.forEach((site, list) -> requests.add(new PurgeRequest(site, list, PurgeMode.HARD)));
        return new Decoded(requests, entries, files, dirs);
    }

    private void file(String url) {
        if (url.indexOf('*') >= 0) {
            throw invalid(url, "a file URL cannot hold *");
        }
        PurgeUrl parsed = parse(url);
        Site site = site(parsed.host());
        add(site, new Matcher.Exact(target(site, parsed.pathAndQuery(), url)), TaskEntry.file(url));
    }

    private void dir(String url) {
        PurgeUrl parsed = parse(url);
        Site site = site(parsed.host());
        String path = parsed.path();
        String dir = path.endsWith("/") ? path : path + "/";
        String target = target(site, dir, url);
        List<Matcher> list = matchers.computeIfAbsent(site.id(), k -> new ArrayList<>());
        if (site.pullZone()) {
            list.add(new Matcher.Prefix(target));
        } else if (target.equals("/")) {
            list.add(new Matcher.All());
        } else {
            list.add(new Matcher.Exact(target));
            list.add(new Matcher.Prefix(target + "/"));
        }
        entries.add(TaskEntry.dir(url));
    }

    private static PurgeUrl parse(String url) {
        if (url.isEmpty() || url.length() > 2048 || !PurgeUrl.isEncoded(url)) {
            throw invalid(url, "URLs must be encoded and at most 2048 characters");
        }
        try {
            return PurgeUrl.parse(url);
        } catch (SluiceException e) {
            throw invalid(url, "expected http(s)://domain/path");
        }
    }

    private static String target(Site site, String pathAndQuery, String url) {
        try {
            return PurgeUrl.target(site, pathAndQuery);
        } catch (SluiceException e) {
            throw invalid(url, "not a valid path");
        }
    }

    private Site site(String host) {
        Site site = sites.byHost(host);
        if (site == null || !site.id().tenant().equals(tenant)) {
            throw new VendorError(
                    ErrorKind.NOT_FOUND,
                    "NoSuchDomain",
                    "The domain %s does not exist in your account.".formatted(host));
        }
        return site;
    }

    private void add(Site site, Matcher matcher, TaskEntry entry) {
        matchers.computeIfAbsent(site.id(), k -> new ArrayList<>()).add(matcher);
        entries.add(entry);
    }

    private static VendorError invalid(String url, String why) {
        String shown = url.length() > 120 ? url.substring(0, 120) + "..." : url;
        return VendorError.badRequest("InvalidPurgeUrl", "url: %s (%s)".formatted(shown, why));
    }
}
