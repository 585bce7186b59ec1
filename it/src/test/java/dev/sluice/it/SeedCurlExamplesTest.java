package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curl examples of the Quant seed documents ({@code 000_b30ea83b3b72bc9f.txt}, purge via the API;
 * {@code 003_be6756a0811b5d9f.txt}, the Content API), run with the real curl against a whole node:
 * the host is swapped for the ephemeral API address and the credentials for the configured site's.
 * Each documented result is asserted, and where the example changes content, so is the edge.
 */
class SeedCurlExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SiteSpec SITE = SiteSpec.ACME;

    @TempDir
    static Path tmp;

    private static RunningNode node;
    private static Curl curl;
    private static EdgeClient edge;
    private static String v1;

    @BeforeAll
    static void start() {
        node = InProcessNode.start(NodeConfig.of(tmp.resolve("data")).site(SITE).write(tmp));
        curl = new Curl(tmp);
        edge = EdgeClient.of(node, SITE);
        v1 = node.api() + "/v1";
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** curl {@code -H} arguments with the site's credentials, then the extra headers. */
    private static String[] auth(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "-H",
                "Quant-Customer: " + SITE.tenant(),
                "-H",
                "Quant-Project: " + SITE.site(),
                "-H",
                "Quant-Token: " + SITE.token()));
        for (String h : extra) {
            args.add("-H");
            args.add(h);
        }
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static JsonNode json(Curl.Result r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static Curl.Result sendContent(String url, String html) {
        String body = JSON.createObjectNode()
                .put("content", html)
                .put("url", url)
                .put("published", true)
                .toString();
        return curl.run(concat(auth("Content-Type: application/json"), "-X", "POST", v1, "-d", body));
    }

    @Test
    void seed000PurgeByUrlKeysAndSoftAnswersAccepted() {
        String html = "<html><body>purge me</body></html>";
        assertThat(sendContent("/content", html).status()).isEqualTo(200);
        edge.get("/content");
        assertThat(edge.get("/content").header("Cache-Status")).contains("hit");

        for (String[] headers : List.of(
                auth("Quant-Url: /content"),
                auth("Quant-Url: /blog/my-post"),
                auth("Quant-Url: /*"),
                auth("Cache-Keys: env:production release:1.4.2"),
                auth("Quant-Url: /content", "Soft-Purge: true"))) {
            Curl.Result r = curl.run(concat(new String[] {"-X", "POST", v1 + "/purge"}, headers));
            assertThat(r.status()).isEqualTo(200);
            assertThat(json(r)).isEqualTo(JSON.createObjectNode().put("status", "accepted"));
        }
        Reply after = edge.get("/content");
        assertThat(after.header("Cache-Status")).contains("fwd=");
        assertThat(after.text()).isEqualTo(html);
    }

    @Test
    void seed000PurgeWithoutUrlOrKeysIs400AndAWrongTokenIs403() {
        Curl.Result missing = curl.run(concat(new String[] {"-X", "POST", v1 + "/purge"}, auth()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json(missing).path("error").asBoolean()).isTrue();

        Curl.Result forbidden = curl.run(
                "-X",
                "POST",
                v1 + "/purge",
                "-H",
                "Quant-Customer: " + SITE.tenant(),
                "-H",
                "Quant-Project: " + SITE.site(),
                "-H",
                "Quant-Token: not-the-token",
                "-H",
                "Quant-Url: /content");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(json(forbidden).path("error").asBoolean()).isTrue();
    }

    @Test
    void seed003PingSendContentAndGlobalMeta() {
        Curl.Result ping = curl.run(concat(auth(), v1 + "/ping"));
        assertThat(ping.status()).isEqualTo(200);
        assertThat(json(ping).path("project").asText()).isEqualTo(SITE.site());

        String body = """
                { "content": "<html><body><h1>My static web page</h1></body></html>", "url": "/example-page", \
                "published": true, "info": { "author_name": "Joe Static", "log": "Revision log message" }, \
                "headers": { "content-type": "text/html" }}""";
        Curl.Result sent = curl.run(concat(auth("Content-Type: application/json"), "-X", "POST", v1, "-d", body));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(json(sent).path("error").asBoolean(false)).isFalse();
        Reply page = edge.get("/example-page");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).isEqualTo("<html><body><h1>My static web page</h1></body></html>");
        assertThat(page.header("Content-Type")).startsWith("text/html");

        Curl.Result meta = curl.run(concat(auth(), v1 + "/global-meta"));
        assertThat(meta.status()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        json(meta)
                .path("global_meta")
                .path("records")
                .forEach(r -> urls.add(r.path("meta").path("url").asText()));
        assertThat(urls).contains("/example-page");
        assertThat(json(meta).path("global_meta").path("total_records").asInt()).isEqualTo(urls.size());
    }

    @Test
    void seed003UploadAssetWithCurlFormAndUrlMeta() throws IOException {
        byte[] banner = new byte[50_000];
        new Random(3).nextBytes(banner);
        banner[0] = (byte) 0xFF;
        banner[1] = (byte) 0xD8;
        Files.write(tmp.resolve("banner.jpg"), banner);
        Curl.Result up = curl.run(
                concat(auth("Quant-File-Url: /images/banner.jpg"), "-X", "POST", v1, "-F", "filename=@./banner.jpg"));
        assertThat(up.status()).isEqualTo(200);
        assertThat(json(up).path("error").asBoolean(false)).isFalse();
        Reply served = edge.get("/images/banner.jpg");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(banner);

        Curl.Result meta = curl.run(concat(
                auth("Content-Type: application/json"),
                "-X",
                "POST",
                v1 + "/url-meta",
                "-d",
                "{\"Quant-Url\": [\"/images/banner.jpg\", \"/never-pushed\"]}"));
        assertThat(meta.status()).isEqualTo(200);
        JsonNode records = json(meta).path("global_meta").path("records");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("meta").path("url").asText()).isEqualTo("/images/banner.jpg");
        assertThat(records.get(0).path("meta").path("md5").asText()).isEqualTo(CrashDurabilityIT.md5(banner));
    }

    @Test
    void seed003UnpublishPublishRevisionAndRedirect() {
        assertThat(sendContent("/path/to/unpublish", "<p>soon gone</p>").status())
                .isEqualTo(200);
        assertThat(edge.get("/path/to/unpublish").status()).isEqualTo(200);
        Curl.Result un = curl.run(
                concat(new String[] {"-X", "PATCH"}, concat(auth("Quant-Url: /path/to/unpublish"), v1 + "/unpublish")));
        assertThat(un.status()).isEqualTo(200);
        assertThat(edge.get("/path/to/unpublish").status()).isEqualTo(404);

        // The document restores revision 123; here the page has revisions 1 and 2.
        assertThat(sendContent("/restore", "<p>first</p>").status()).isEqualTo(200);
        assertThat(sendContent("/restore", "<p>second</p>").status()).isEqualTo(200);
        assertThat(edge.get("/restore").text()).isEqualTo("<p>second</p>");
        Curl.Result pub =
                curl.run(concat(new String[] {"-X", "PATCH"}, concat(auth("Quant-Url: /restore"), v1 + "/publish/1")));
        assertThat(pub.status()).isEqualTo(200);
        assertThat(edge.get("/restore").text()).isEqualTo("<p>first</p>");

        String redirect =
                "{ \"url\": \"/url/to/redirect\", \"redirect_url\": \"/target/path\", \"redirect_http_code\": 301, \"published\": true}";
        Curl.Result red = curl.run(
                concat(auth("Content-Type: application/json"), "-X", "POST", v1 + "/redirect", "-d", redirect));
        assertThat(red.status()).isEqualTo(200);
        Reply moved = edge.get("/url/to/redirect");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).endsWith("/target/path");
    }
}
