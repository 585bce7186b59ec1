package dev.sluice.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads one tenant: its sites, credentials and quotas. */
final class TenantReader {

    private TenantReader() {}

    static SluiceConfig.Tenant read(String name, ConfigNode n) {
        List<SluiceConfig.Site> sites = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> s : n.children("sites").entrySet()) {
            sites.add(site(s.getKey(), s.getValue()));
        }
        SluiceConfig.Credentials credentials = credentials(n.child("credentials"));
        SluiceConfig.Quotas quotas = quotas(n.child("quotas"));
        List<SluiceConfig.Hook> hooks = new ArrayList<>();
        for (ConfigNode h : n.list("webhooks")) {
            hooks.add(new SluiceConfig.Hook(
                    originUrl(h, h.path() + ".url", h.optionalString("url")), h.required("secret")));
            h.finish();
        }
        n.finish();
        return new SluiceConfig.Tenant(name, List.copyOf(sites), credentials, quotas, List.copyOf(hooks));
    }

    private static SluiceConfig.Site site(String name, ConfigNode n) {
        List<String> hosts = hosts(n, "hosts");
        if (hosts.isEmpty()) {
            throw n.error(n.path() + ".hosts", "at least one host");
        }
        List<String> stagingHosts = hosts(n, "stagingHosts");
        @Nullable String token = null;
        ConfigNode quant = n.child("quant");
        if (quant != null) {
            token = quant.optionalString("token");
            if (token == null || token.isEmpty()) {
                throw quant.error(quant.path() + ".token", "a non-empty token");
            }
            quant.finish();
        }
        SluiceConfig.@Nullable RateLimit rateLimit = null;
        ConfigNode limit = n.child("rateLimit");
        if (limit != null) {
            rateLimit = new SluiceConfig.RateLimit(
                    limit.positiveLong("requests", 100), limit.duration("per", Duration.ofMinutes(1)));
            limit.finish();
        }
        SluiceConfig.@Nullable Origin origin = origin(n);
        SluiceConfig.CachePolicy cache = cachePolicy(n.child("cache"));
        @Nullable Long zone = n.has("zone") ? n.positiveLong("zone", 1) : null;
        n.finish();
        return new SluiceConfig.Site(name, hosts, stagingHosts, token, rateLimit, origin, cache, zone);
    }

    private static List<String> hosts(ConfigNode n, String key) {
        List<String> hosts = new ArrayList<>();
        for (String host : n.strings(key)) {
            if (!host.matches("[A-Za-z0-9.-]+")) {
                throw n.error(n.path() + "." + key, "host names, got '" + host + "'");
            }
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(hosts);
    }

    /** {@code origin: "http://host:port/base"}, or a mapping with {@code url} and options. */
    private static SluiceConfig.@Nullable Origin origin(ConfigNode n) {
        if (!n.has("origin")) {
            return null;
        }
        @Nullable ConfigNode o = n.isMapping("origin") ? n.child("origin") : null;
        @Nullable String url = o == null ? n.optionalString("origin") : o.optionalString("url");
        String where = n.path() + (o == null ? ".origin" : ".origin.url");
        URI uri = originUrl(n, where, url);
        SluiceConfig.Origin origin = new SluiceConfig.Origin(
                uri,
                o == null ? null : o.optionalString("host"),
                o == null ? Duration.ofSeconds(2) : o.duration("connectTimeout", Duration.ofSeconds(2)),
                o == null ? Duration.ofSeconds(30) : o.duration("readTimeout", Duration.ofSeconds(30)),
                o == null ? 64 : Math.toIntExact(o.positiveLong("maxConnections", 64)));
        if (o != null) {
            o.finish();
        }
        return origin;
    }

    private static URI originUrl(ConfigNode n, String where, @Nullable String url) {
        if (url == null) {
            throw n.error(where, "an http:// or https:// URL");
        }
        try {
            URI uri = new URI(url);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw n.error(where, "an http:// or https:// URL with a host and no query, got '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw n.error(where, "an http:// or https:// URL, got '" + url + "'");
        }
    }

    private static SluiceConfig.CachePolicy cachePolicy(@Nullable ConfigNode c) {
        if (c == null) {
            return new SluiceConfig.CachePolicy(Duration.ZERO, true, false, false, false);
        }
        SluiceConfig.CachePolicy policy = new SluiceConfig.CachePolicy(
                c.durationOrZero("defaultTtl", Duration.ZERO),
                c.bool("keepQuery", true),
                c.bool("private", false),
                c.bool("setCookie", false),
                c.bool("authorized", false));
        c.finish();
        return policy;
    }

    private static SluiceConfig.Credentials credentials(@Nullable ConfigNode c) {
        if (c == null) {
            return new SluiceConfig.Credentials(List.of(), List.of(), List.of());
        }
        List<SluiceConfig.UserKey> quantil = userKeys(c, "quantil");
        List<SluiceConfig.UserKey> cdnpro = userKeys(c, "cdnpro");
        List<String> fivecents = new ArrayList<>();
        for (ConfigNode k : c.list("fivecents")) {
            fivecents.add(k.required("key"));
            k.finish();
        }
        c.finish();
        return new SluiceConfig.Credentials(quantil, cdnpro, List.copyOf(fivecents));
    }

    private static List<SluiceConfig.UserKey> userKeys(ConfigNode c, String key) {
        List<SluiceConfig.UserKey> out = new ArrayList<>();
        for (ConfigNode k : c.list(key)) {
            out.add(new SluiceConfig.UserKey(k.required("user"), k.required("key")));
            k.finish();
        }
        return List.copyOf(out);
    }

    private static SluiceConfig.Quotas quotas(@Nullable ConfigNode q) {
        if (q == null) {
            return new SluiceConfig.Quotas(5000, 500, 5000, 20);
        }
        SluiceConfig.Quotas quotas = new SluiceConfig.Quotas(
                q.positiveLong("quantilFileUrlsPerDay", 5000),
                q.positiveLong("quantilDirUrlsPerDay", 500),
                q.positiveLong("cdnproFileUrlsPerDay", 5000),
                q.positiveLong("cdnproDirUrlsPerDay", 20));
        q.finish();
        return quotas;
    }
}
