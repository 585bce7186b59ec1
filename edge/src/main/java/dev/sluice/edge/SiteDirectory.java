package dev.sluice.edge;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable host to site snapshot. The edge holds one and swaps it whole when sites change, so
 * a request sees either the old or the new directory, never a mix. Hosts match case-insensitively;
 * a port and a trailing dot are ignored.
 */
public final class SiteDirectory {

    private static final SiteDirectory EMPTY = new SiteDirectory(Map.of(), List.of());

    private final Map<String, EdgeSite> byHost;
    private final List<EdgeSite> sites;

    private SiteDirectory(Map<String, EdgeSite> byHost, List<EdgeSite> sites) {
        this.byHost = byHost;
        this.sites = sites;
    }

    /** A directory of the given sites; a host claimed by two sites is refused. */
    public static SiteDirectory of(Collection<EdgeSite> sites) {
        Map<String, EdgeSite> byHost = new HashMap<>();
        for (EdgeSite site : sites) {
            for (String host : site.hosts()) {
                EdgeSite previous = byHost.put(normalize(host), site);
                if (previous != null && !previous.id().equals(site.id())) {
                    throw new IllegalArgumentException("host: %s (expected: on one site, found on %s and %s)"
                            .formatted(host, previous.id(), site.id()));
                }
            }
        }
        return new SiteDirectory(Map.copyOf(byHost), List.copyOf(sites));
    }

    /** A directory with no sites: every host is unknown. */
    public static SiteDirectory empty() {
        return EMPTY;
    }

    /** The site answering the host (a Host header value or a server name), or null. */
    public @Nullable EdgeSite find(@Nullable String host) {
        if (host == null) {
            return null;
        }
        EdgeSite site = byHost.get(host); // the common case: already lower-case, no port
        return site != null ? site : byHost.get(normalize(host));
    }

    /** The sites in this snapshot. */
    public List<EdgeSite> sites() {
        return sites;
    }

    static String normalize(String host) {
        String h = host.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            h = close > 0 ? h.substring(0, close + 1) : h;
        } else {
            int colon = h.indexOf(':');
            if (colon >= 0 && colon == h.lastIndexOf(':')) {
                h = h.substring(0, colon);
            }
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
