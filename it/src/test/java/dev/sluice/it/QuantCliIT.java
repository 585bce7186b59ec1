package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real quant-cli 1.12.0 against a whole node: deploy a seeded static site of 220 files, then
 * redeploy, change, unpublish, redirect, purge, delete, info, page and file, each checked at the
 * edge. The seed is printed; rerun one with {@code -Dsluice.seed=N}.
 */
class QuantCliIT {

    private static final long DEPLOY_SECONDS = 600;
    private static final long COMMAND_SECONDS = 60;

    @TempDir
    Path tmp;

    @Test
    void theRealClientDeploysAndManagesASite() throws IOException {
        long seed = Long.getLong("sluice.seed", System.nanoTime());
        System.out.println("QuantCliIT seed: " + seed + " (rerun with -Dsluice.seed=" + seed + ")");
        Map<String, byte[]> files = new LinkedHashMap<>(SiteGenerator.generate(seed, 220));
        Path work = tmp.resolve("work");
        SiteGenerator.write(work.resolve("site"), files);
        Path yaml = NodeConfig.of(tmp.resolve("data")).site(SiteSpec.ACME).write(tmp);
        try (RunningNode node = InProcessNode.start(yaml)) {
            QuantCli cli = QuantCli.configure(work, node.api(), SiteSpec.ACME);
            EdgeClient edge = EdgeClient.of(node, SiteSpec.ACME);
            QuantApi api = QuantApi.of(node, SiteSpec.ACME);

            deployServesEveryFile(cli, edge, files);
            redeployUploadsNothing(cli, edge, api, files);
            changedFileIsServedNewAtOnce(cli, edge, work, files);
            removedFileIsUnpublishedByDeploy(cli, edge, work, files);
            unpublishRedirectPurge(cli, edge, files);
            infoPrintsTheTotals(cli, api);
            pageAndFileUploadSingleItems(cli, edge, work);
            deleteRemovesAllRevisions(cli, edge, files);
        }
    }

    private static void deployServesEveryFile(QuantCli cli, EdgeClient edge, Map<String, byte[]> files) {
        QuantCli.Result r = cli.run(DEPLOY_SECONDS, "deploy", "site");
        assertThat(r.output()).contains("*** Quant deploy ***").doesNotContain("Unable to connect");
        for (String path : files.keySet()) {
            assertThat(r.output()).as("upload of %s", path).contains("✅ " + path + "\n");
        }
        SiteExpectations.assertAllServed(edge, files);
    }

    private static void redeployUploadsNothing(QuantCli cli, EdgeClient edge, QuantApi api, Map<String, byte[]> files) {
        Map<String, Integer> before = revisionCounts(api);
        QuantCli.Result r = cli.run(DEPLOY_SECONDS, "deploy", "site");
        for (String path : files.keySet()) {
            if (!path.endsWith(".html")) {
                assertThat(r.output())
                        .as("skip of %s", path)
                        .contains("Published version is up-to-date (" + path + ")");
            }
        }
        // 1.12 always re-sends HTML and each page's x.html redirect; an unchanged page, file or
        // redirect must not become a new revision.
        assertThat(revisionCounts(api)).isEqualTo(before);
        assertThat(r.output()).doesNotContain("unpublished.");
        SiteExpectations.assertAllServed(edge, files);
    }

    private static void changedFileIsServedNewAtOnce(
            QuantCli cli, EdgeClient edge, Path work, Map<String, byte[]> files) throws IOException {
        String asset = first(files, p -> !p.endsWith(".html"));
        String page = first(files, p -> p.endsWith("/index.html"));
        for (String p : List.of(asset, page)) {
            edge.get(SiteExpectations.url(p));
            assertThat(edge.get(SiteExpectations.url(p)).header("Cache-Status"))
                    .as("cached %s", p)
                    .contains("hit");
            byte[] changed = append(java.util.Objects.requireNonNull(files.get(p)), "\n<!-- changed -->\n");
            Files.write(work.resolve("site").resolve(p), changed);
            files.put(p, changed);
        }
        cli.run(DEPLOY_SECONDS, "deploy", "site");
        for (String p : List.of(asset, page)) {
            Reply r = edge.get(SiteExpectations.url(p));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).as("new body of %s", p).isEqualTo(files.get(p));
        }
    }

    private static void removedFileIsUnpublishedByDeploy(
            QuantCli cli, EdgeClient edge, Path work, Map<String, byte[]> files) throws IOException {
        String page = first(files, SiteExpectations::isPageRedirected);
        String asset = first(files, p -> p.endsWith(".css"));
        for (String p : List.of(page, asset)) {
            edge.get(SiteExpectations.url(p));
            Files.delete(work.resolve("site").resolve(p));
            files.remove(p);
        }
        QuantCli.Result r = cli.run(DEPLOY_SECONDS, "deploy", "site");
        assertThat(r.output()).contains("/" + asset + " unpublished.");
        SiteExpectations.assertGone(edge, page);
        SiteExpectations.assertGone(edge, asset);
        SiteExpectations.assertAllServed(edge, files);
    }

    private static void unpublishRedirectPurge(QuantCli cli, EdgeClient edge, Map<String, byte[]> files) {
        String page = first(files, p -> p.endsWith("/index.html"));
        String dir = "/" + page.substring(0, page.length() - "/index.html".length());
        edge.get(dir);
        assertThat(cli.run(COMMAND_SECONDS, "unpublish", dir).output()).contains("Success: Unpublished successfully");
        SiteExpectations.assertGone(edge, page);
        files.remove(page);

        // 1.12 prints "ReferenceError: from is not defined" after a successful call (spec §1.17).
        cli.run(COMMAND_SECONDS, "redirect", "/old-home", "/d-moved", "301");
        Reply moved = edge.get("/old-home");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).endsWith("/d-moved");

        String asset = first(files, p -> p.endsWith(".js"));
        String url = SiteExpectations.url(asset);
        edge.get(url);
        assertThat(edge.get(url).header("Cache-Status")).contains("hit");
        assertThat(cli.run(COMMAND_SECONDS, "purge", url).output()).contains("Success: Purged " + url);
        Reply after = edge.get(url);
        assertThat(after.header("Cache-Status"))
                .as("after purge")
                .contains("fwd=")
                .doesNotContain("; hit");
        assertThat(after.body()).isEqualTo(files.get(asset));
    }

    private static void infoPrintsTheTotals(QuantCli cli, QuantApi api) {
        JsonNode meta = api.globalMeta(1).json().path("global_meta");
        long total = meta.path("total_records").asLong();
        assertThat(total).isGreaterThan(200);
        QuantCli.Result r = cli.run(COMMAND_SECONDS, "info");
        assertThat(r.output()).contains("Successfully connected to docs").contains("Total records: " + total);
    }

    private static void pageAndFileUploadSingleItems(QuantCli cli, EdgeClient edge, Path work) throws IOException {
        byte[] html = "<html><body>fresh — page</body></html>\n".getBytes(StandardCharsets.UTF_8);
        Files.write(work.resolve("fresh.html"), html);
        assertThat(cli.run(COMMAND_SECONDS, "page", "fresh.html", "/fresh/index.html")
                        .output())
                .contains("Success:");
        assertThat(edge.get("/fresh").body()).isEqualTo(html);
        assertThat(edge.get("/fresh/").body()).isEqualTo(html);

        byte[] logo = new byte[3000];
        new java.util.Random(7).nextBytes(logo);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 0, logo, 0, 4);
        Files.write(work.resolve("logo.png"), logo);
        assertThat(cli.run(COMMAND_SECONDS, "file", "logo.png", "/assets/logo.png")
                        .output())
                .contains("Success:");
        Reply served = edge.get("/assets/logo.png");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(logo);
    }

    private static void deleteRemovesAllRevisions(QuantCli cli, EdgeClient edge, Map<String, byte[]> files) {
        String asset = first(files, p -> p.endsWith(".js"));
        String url = SiteExpectations.url(asset);
        edge.get(url);
        assertThat(cli.run(COMMAND_SECONDS, "delete", url, "--force").output())
                .contains("Successfully removed [" + url + "]");
        SiteExpectations.assertGone(edge, asset);
        files.remove(asset);
        String other = first(files, p -> p.endsWith("/index.html"));
        String otherDir = "/" + other.substring(0, other.length() - "index.html".length());
        assertThat(cli.run(COMMAND_SECONDS, "delete", "/" + other, "--force").output())
                .contains("Successfully removed");
        assertThat(edge.get(otherDir).status()).isEqualTo(404);
        files.remove(other);
        SiteExpectations.assertAllServed(edge, files);
    }

    /** Revision counts by URL of every record in global-meta, all pages. */
    private static Map<String, Integer> revisionCounts(QuantApi api) {
        Map<String, Integer> counts = new HashMap<>();
        JsonNode meta = api.globalMeta(1).json().path("global_meta");
        int pages = meta.path("total_pages").asInt(1);
        for (int page = 1; page <= pages; page++) {
            JsonNode records = (page == 1 ? meta : api.globalMeta(page).json().path("global_meta")).path("records");
            records.forEach(rec -> {
                JsonNode m = rec.path("meta");
                counts.put(m.path("url").asText(), m.path("revision_count").asInt());
            });
        }
        assertThat(counts).isNotEmpty();
        return counts;
    }

    private static byte[] append(byte[] bytes, String tail) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(bytes);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String first(Map<String, byte[]> files, java.util.function.Predicate<String> filter) {
        return files.keySet().stream()
                .filter(filter)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such file in the site"));
    }
}
