package dev.sluice.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A whole node with two tenants configured for every dialect, and a webhook receiver: {@code acme}
 * (site {@link SiteSpec#ACME}, 5centsCDN zone 42) and {@code globex} ({@link SiteSpec#GLOBEX}, zone
 * 77), each with a CDN Pro user, a QUANTIL user, a 5centsCDN key and a tenant webhook at {@code
 * /tenant/<name>} (globex's receiver fails its first two callbacks).
 */
final class VendorNode implements AutoCloseable {

    static final Signer ACME_PRO = new Signer("acme-pro", "acme-pro-key");
    static final Signer ACME_QTL = new Signer("acme-qtl", "acme-qtl-key");
    static final String ACME_5C = "acme-5c-key";
    static final Signer GLOBEX_PRO = new Signer("globex-pro", "globex-pro-key");
    static final Signer GLOBEX_QTL = new Signer("globex-qtl", "globex-qtl-key");
    static final String GLOBEX_5C = "globex-5c-key";
    static final String TENANT_SECRET = "tenant-hook-secret";

    final HookReceiver hooks;
    final RunningNode node;

    VendorNode(Path dir) {
        hooks = HookReceiver.start().failFirst("/tenant/globex", 2);
        NodeConfig config = NodeConfig.of(dir.resolve("data"))
                .allowInternalDestinations(true) // CDN Pro webhooks on the loopback receiver
                .site(SiteSpec.ACME)
                .site(SiteSpec.GLOBEX)
                .siteYaml(SiteSpec.ACME, "zone: 42")
                .siteYaml(SiteSpec.GLOBEX, "zone: 77");
        tenant(config, "acme", ACME_PRO, ACME_QTL, ACME_5C);
        tenant(config, "globex", GLOBEX_PRO, GLOBEX_QTL, GLOBEX_5C);
        node = InProcessNode.start(config.write(dir));
    }

    private void tenant(NodeConfig config, String name, Signer pro, Signer qtl, String fivecents) {
        config.tenant(
                        name,
                        "credentials: { cdnpro: [{ user: %s, key: %s }], quantil: [{ user: %s, key: %s }], fivecents: [{ key: %s }] }"
                                .formatted(pro.user(), pro.key(), qtl.user(), qtl.key(), fivecents))
                .tenant(
                        name,
                        "webhooks: [{ url: \"%s\", secret: %s }]"
                                .formatted(hooks.uri("/tenant/" + name), TENANT_SECRET));
    }

    /** A signed CDN Pro call. */
    Reply pro(Signer who, String method, String path, String json) {
        return pro(node, who, method, path, json);
    }

    /** A signed CDN Pro call to any node. */
    static Reply pro(RunningNode node, Signer who, String method, String path, String json) {
        String date = Signer.now();
        return Http.send(Http.request(URI.create(node.api() + path))
                .header("Date", date)
                .header("Authorization", " " + who.authorization(date))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /** A signed QUANTIL call. */
    Reply quantil(Signer who, String method, String path, String xml) {
        String date = Signer.now();
        return Http.send(Http.request(URI.create(node.api() + path))
                .header("Date", date)
                .header("Authorization", who.authorization(date))
                .header("Accept", "application/xml")
                .method(method, BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .build());
    }

    /** A 5centsCDN call. */
    Reply fivecents(String key, String path, String json) {
        HttpRequest.Builder b = Http.request(URI.create(node.api() + path)).header("X-API-Key", key);
        if (!json.isEmpty()) {
            b.header("Content-Type", "application/json");
        }
        return Http.send(
                b.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** Publishes the page on the site and caches it at the edge (the second GET is a hit). */
    void cached(SiteSpec site, String path, String html) {
        Reply put = QuantApi.of(node, site).content(path, html);
        if (put.status() != 200) {
            throw new AssertionError("publish " + path + ": " + put);
        }
        EdgeClient edge = EdgeClient.of(node, site);
        edge.get(path);
        String status = edge.get(path).header("Cache-Status");
        if (!status.contains("hit")) {
            throw new AssertionError(path + " is not cached: " + status);
        }
    }

    /** Asks until the reply satisfies the check, for at most 10 s. */
    static Reply until(Supplier<Reply> ask, java.util.function.Predicate<Reply> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Reply last = ask.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            last = ask.get();
        }
        return last;
    }

    /** The last path segment of the reply's Location. */
    static String taskId(Reply created) {
        String location = created.header("Location");
        if (location.isEmpty()) {
            throw new AssertionError("no Location: " + created);
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        node.close();
        hooks.close();
    }
}
