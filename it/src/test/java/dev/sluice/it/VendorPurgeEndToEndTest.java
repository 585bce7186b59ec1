package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each vendor dialect end to end on a whole node over real HTTP: pages are published and cached at
 * the edge, purged in the dialect with a correctly signed request, the task is followed to finished
 * through the dialect's status API, the edge shows the objects gone (HARD: {@code fwd=miss}) or stale
 * (SOFT: {@code fwd=stale}), and the callbacks arrive signed: CDN Pro's own webhook and the tenant's
 * configured webhook, for every dialect, Quant included.
 */
class VendorPurgeEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path tmp;

    private static VendorNode v;
    private static EdgeClient acme;

    @BeforeAll
    static void start() {
        v = new VendorNode(tmp);
        acme = EdgeClient.of(v.node, SiteSpec.ACME);
    }

    @AfterAll
    static void stop() {
        v.close();
    }

    private static void assertPurged(String path) {
        String status = acme.get(path).header("Cache-Status");
        assertThat(status).as(path).contains("fwd=miss").doesNotContain("; hit;");
    }

    private static void assertStale(String path, String html) {
        Reply r = acme.get(path);
        assertThat(r.header("Cache-Status")).as(path).contains("fwd=stale");
        assertThat(r.text()).isEqualTo(html);
    }

    private static void assertCached(String path) {
        assertThat(acme.get(path).header("Cache-Status")).as(path).contains("hit");
    }

    /** The tenant's callback mentioning the text, with a valid X-Sluice-Signature; returns its JSON. */
    private static JsonNode tenantCallback(String tenant, String mention) throws IOException {
        HookReceiver.Call call = v.hooks.awaitMentioning("/tenant/" + tenant, mention, CALLBACK_WAIT);
        String date = Objects.requireNonNull(call.header("Date"));
        assertThat(call.header("X-Sluice-Signature"))
                .isEqualTo(Signer.sluiceSignature(VendorNode.TENANT_SECRET, date, call.body()));
        JsonNode body = JSON.readTree(call.body());
        assertThat(body.path("taskId").asText()).isNotEmpty();
        assertThat(body.path("tenant").asText()).isEqualTo(tenant);
        assertThat(body.path("status").asText()).isEqualTo("finished");
        return body;
    }

    @Test
    void cdnProDeleteAndInvalidateFollowedToFinishedWithSignedWebhooks() throws IOException {
        v.cached(SiteSpec.ACME, "/pro/a", "<p>a</p>");
        v.cached(SiteSpec.ACME, "/pro/d/x.png", "<p>x</p>");
        v.cached(SiteSpec.ACME, "/pro/d/sub/y.png", "<p>y</p>");
        v.cached(SiteSpec.ACME, "/pro/b", "<p>b</p>");
        Reply hook = v.pro(VendorNode.ACME_PRO, "POST", "/cdn/webhooks", """
                {"name":"ci","url":"%s","credentials":{"user":"hook-user","secretKey":"hook-secret"}}""".formatted(v.hooks.uri("/pro-hook")));
        assertThat(hook.status()).as("%s", hook).isEqualTo(201);
        String hookId = VendorNode.taskId(hook);

        Reply created = v.pro(VendorNode.ACME_PRO, "POST", "/cdn/purges", """
                {"target":"production","action":"delete","webhook":"%s",
                 "fileUrls":["http://docs.acme.test/pro/a"],"dirUrls":["http://docs.acme.test/pro/d/*.png"]}""".formatted(hookId));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = VendorNode.taskId(created);
        Reply status = VendorNode.until(
                () -> v.pro(VendorNode.ACME_PRO, "GET", "/cdn/purges/" + id, ""),
                r -> r.json().path("status").asText().equals("finished"));
        assertThat(status.json().path("status").asText()).isEqualTo("finished");
        assertThat(status.json().path("successRate").asInt()).isEqualTo(100);
        assertThat(status.json().path("finishTime").asText()).isNotEmpty();

        assertPurged("/pro/a");
        assertPurged("/pro/d/x.png");
        assertCached("/pro/d/sub/y.png");
        assertCached("/pro/b");

        HookReceiver.Call call = v.hooks.awaitMentioning("/pro-hook", id, CALLBACK_WAIT);
        String date = Objects.requireNonNull(call.header("Date"));
        assertThat(call.header("Authorization")).isEqualTo(new Signer("hook-user", "hook-secret").authorization(date));
        JsonNode callback = JSON.readTree(call.body());
        assertThat(callback.path("taskList").path(0).path("taskId").asText()).isEqualTo(id);
        assertThat(callback.path("taskList").path(0).path("status").asText()).isEqualTo("finished");
        JsonNode told = tenantCallback("acme", id);
        assertThat(told.path("taskId").asText()).isEqualTo(id);
        assertThat(told.path("dialect").asText()).isEqualTo("cdnpro");

        Reply soft = v.pro(VendorNode.ACME_PRO, "POST", "/cdn/purges", """
                {"target":"production","fileUrls":["http://docs.acme.test/pro/b"]}""");
        assertThat(soft.status()).isEqualTo(201);
        assertThat(v.pro(VendorNode.ACME_PRO, "GET", "/cdn/purges/" + VendorNode.taskId(soft), "")
                        .json()
                        .path("action")
                        .asText())
                .isEqualTo("invalidate");
        assertStale("/pro/b", "<p>b</p>");
    }

    @Test
    void quantilFileAndRecursiveDirPurgeFollowedToSuccess() throws IOException {
        v.cached(SiteSpec.ACME, "/qtl/1.txt", "<p>1</p>");
        v.cached(SiteSpec.ACME, "/qtl/mydir", "<p>dir page</p>");
        v.cached(SiteSpec.ACME, "/qtl/mydir/deep/er", "<p>deep</p>");
        v.cached(SiteSpec.ACME, "/qtl/other", "<p>other</p>");

        Reply created = v.quantil(VendorNode.ACME_QTL, "POST", "/api/purge", """
                <?xml version="1.0" encoding="UTF-8"?>
                <purge-urls><version>1.0.0</version>
                <file-url>http://docs.acme.test/qtl/1.txt</file-url>
                <dir-url>http://docs.acme.test/qtl/mydir</dir-url></purge-urls>""");
        assertThat(created.status()).as("%s", created).isEqualTo(202);
        assertThat(created.header("x-cnc-request-id")).isNotEmpty();
        assertThat(created.text()).contains("<message>success</message>");
        String id = VendorNode.taskId(created);
        assertThat(created.header("Location")).endsWith("/api/purge/" + id);

        Reply status = VendorNode.until(
                () -> v.quantil(VendorNode.ACME_QTL, "GET", "/api/purge/" + id, ""),
                r -> r.text().contains("<status>Success</status>"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.header("Content-Type")).startsWith("application/xml");
        assertThat(status.text())
                .contains(
                        "<path>http://docs.acme.test/qtl/1.txt</path><status>Success</status><rate>100.0</rate><isdir>N</isdir>")
                .contains(
                        "<path>http://docs.acme.test/qtl/mydir</path><status>Success</status><rate>100.0</rate><isdir>Y</isdir>");
        assertThat(v.quantil(VendorNode.ACME_QTL, "GET", "/api/purge", "").text())
                .contains("<purge-id>" + id + "</purge-id>");

        assertPurged("/qtl/1.txt");
        assertPurged("/qtl/mydir");
        assertPurged("/qtl/mydir/deep/er");
        assertCached("/qtl/other");
        JsonNode told = tenantCallback("acme", id);
        assertThat(told.path("taskId").asText()).isEqualTo(id);
        assertThat(told.path("dialect").asText()).isEqualTo("quantil");
    }

    @Test
    void fiveCentsDeleteEvictsAndPlainPurgeMarksTheWholeZoneStale() throws IOException {
        v.cached(SiteSpec.ACME, "/5c/videos/file.mp4", "<p>video</p>");
        v.cached(SiteSpec.ACME, "/5c/images/logo.png", "<p>logo</p>");
        v.cached(SiteSpec.ACME, "/5c/keep", "<p>keep</p>");

        Reply hard = v.fivecents(
                VendorNode.ACME_5C,
                "/v2/zones/http/push/42/restore?delete=true",
                "{\"files\":[\"/5c/videos/file.mp4\",\"/5c/images/logo.png\"]}");
        assertThat(hard.status()).as("%s", hard).isEqualTo(200);
        assertThat(hard.json()).isEqualTo(JSON.readTree("{\"result\":\"success\",\"message\":\"Zone Purged\"}"));
        assertPurged("/5c/videos/file.mp4");
        assertPurged("/5c/images/logo.png");
        assertCached("/5c/keep");
        // 5centsCDN has no status API: the tenant's callback is how a client follows the task.
        JsonNode told = tenantCallback("acme", "/5c/videos/file.mp4");
        assertThat(told.path("dialect").asText()).isEqualTo("fivecents");
        assertThat(told.path("successRate").asInt()).isEqualTo(100);

        Reply soft = v.fivecents(VendorNode.ACME_5C, "/v2/zones/http/push/42/restore", "");
        assertThat(soft.status()).as("%s", soft).isEqualTo(200);
        assertStale("/5c/keep", "<p>keep</p>");
    }

    @Test
    void quantPurgeIsATaskTooAndTheTenantIsToldOfIt() throws IOException {
        v.cached(SiteSpec.ACME, "/quant/page", "<p>q</p>");
        Reply r = QuantApi.of(v.node, SiteSpec.ACME).purge("/quant/page");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(JSON.readTree("{\"status\":\"accepted\"}"));
        assertPurged("/quant/page");
        JsonNode told = tenantCallback("acme", "\"dialect\":\"quant\"");
        assertThat(told.path("entries").toString()).contains("/quant/page");
    }

    @Test
    void aFailingTenantReceiverIsRetriedWithBackoffAndNeverDelaysThePurge() throws IOException {
        Reply created = v.pro(VendorNode.GLOBEX_PRO, "POST", "/cdn/purges", """
                {"target":"production","action":"delete","fileUrls":["http://www.globex.test/retry"]}""");
        // The reply did not wait for the receiver to succeed: it came before the third attempt.
        long attemptsWhenReplied = v.hooks.count("/tenant/globex");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(attemptsWhenReplied).isLessThan(3);
        String id = VendorNode.taskId(created);

        List<HookReceiver.Call> calls = v.hooks.await("/tenant/globex", 3, CALLBACK_WAIT);
        assertThat(calls).extracting(HookReceiver.Call::answered).containsExactly(503, 503, 204);
        for (HookReceiver.Call c : calls) {
            assertThat(c.text()).contains(id);
            assertThat(c.header("X-Sluice-Signature"))
                    .as("each attempt is signed afresh")
                    .isEqualTo(Signer.sluiceSignature(
                            VendorNode.TENANT_SECRET, Objects.requireNonNull(c.header("Date")), c.body()));
        }
    }
}
