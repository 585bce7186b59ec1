package dev.sluice.dialect.vendor;

import static dev.sluice.dialect.vendor.VendorFixture.ACME;
import static dev.sluice.dialect.vendor.VendorFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.Freshness;
import dev.sluice.control.webhook.Delivery;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.task.TaskState;
import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.FakeReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorDialectsTest {

    private final VendorFixture f = new VendorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private WireResponse pro(String method, String path, String body) {
        return f.cdnpro.handle(f.signed(method, path, "acme-pro", "acme-key", body, Map.of()));
    }

    private static String id(WireResponse reply) {
        String location = reply.headers().first("Location");
        assertThat(location).isNotNull();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void cdnProPurgesFilesDirsAndRegexesAndReportsTheTaskFinished() {
        f.fill(ACME, "/a.jpg");
        f.fill(ACME, "/d/x.png");
        f.fill(ACME, "/d/sub/y.png");
        f.fill(ACME, "/r/abc");
        WireResponse created = pro("POST", "/purges", """
                {"target":"production","action":"delete","fileUrls":["http://www.acme.test/a.jpg"],
                 "dirUrls":["http://www.acme.test/d/*.png"],"regexPatterns":["any://www.acme.test/r/[a-c]+"]}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(f.freshness(ACME, "/a.jpg")).isNull();
        assertThat(f.freshness(ACME, "/d/x.png")).isNull();
        assertThat(f.freshness(ACME, "/d/sub/y.png")).isEqualTo(Freshness.FRESH);
        assertThat(f.freshness(ACME, "/r/abc")).isNull();
        WireResponse status = pro("GET", "/purges/" + id(created), "");
        assertThat(status.bodyText())
                .contains("\"status\":\"finished\"", "\"successRate\":100", "\"action\":\"delete\"");
        assertThat(pro("GET", "/purges", "").bodyText()).contains("\"count\":1", "\"hostnames\":[\"www.acme.test\"]");
        assertThat(pro("GET", "/purges/purgeTokens", "").status()).isEqualTo(400);
    }

    @Test
    void cdnProInvalidateMarksStaleAndStagingTargetsTheStagingCache() {
        f.fill(ACME, "/p");
        f.fill(ACME.staging(), "/p");
        assertThat(pro("POST", "/purges", "{\"target\":\"staging\",\"fileUrls\":[\"http://staging.acme.test/p\"]}")
                        .status())
                .isEqualTo(201);
        assertThat(f.freshness(ACME, "/p")).isEqualTo(Freshness.FRESH);
        assertThat(f.freshness(ACME.staging(), "/p"))
                .isNotEqualTo(Freshness.FRESH)
                .isNotNull();
    }

    @Test
    void cdnProRefusesWithItsCodesAndPurgesNothing() {
        f.fill(GLOBEX, "/x");
        assertError(
                pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":[\"http://shop.globex.test/x\"]}"),
                400,
                "InvalidPurgeUrl",
                "has not been deployed in the 'production'");
        assertError(
                pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":[\"http://www.acme.test/a b\"]}"),
                400,
                "InvalidPurgeUrl",
                "Special letters need to be encoded");
        assertError(
                pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":[\"http://www.acme.test/*\"]}"),
                400,
                "InvalidPurgeUrl",
                "");
        assertError(
                pro("POST", "/purges", "{\"target\":\"prod\",\"fileUrls\":[\"http://www.acme.test/a\"]}"),
                400,
                "InvalidTarget",
                "");
        assertError(pro("POST", "/purges", """
                {"target":"production","fileUrls":["http://www.acme.test/abc"],
                 "fileHeaders":[{"name":"X-A","value":"1"},{"name":"x-a","value":"2"}]}"""), 400, "DuplicateFileHeaderName", "");
        assertError(
                pro(
                        "POST",
                        "/purges",
                        "{\"target\":\"production\",\"regexPatterns\":[\"http://www.acme.test/a*b+c*\"]}"),
                400,
                "InvalidRegexPattern",
                "unlimited");
        assertError(
                pro(
                        "POST",
                        "/purges",
                        "{\"target\":\"production\",\"regexPatterns\":[\"http://www.acme.test/a{1,60}\"]}"),
                400,
                "InvalidRegexPattern",
                "bound");
        // Each bound alone is allowed, but RE2/J would expand 59^4 copies: refused before compiling.
        assertError(
                pro(
                        "POST",
                        "/purges",
                        "{\"target\":\"production\",\"regexPatterns\":[\"http://www.acme.test/(((a{59}){59}){59}){59}\"]}"),
                400,
                "InvalidRegexPattern",
                "nested repeat bounds multiplying to <= 1000");
        assertError(
                pro("POST", "/purges", "{\"target\":\"production\",\"regexPatterns\":[\"ftp://www.acme.test/a\"]}"),
                400,
                "InvalidRegexPattern",
                "");
        assertError(pro("POST", "/purges", "{\"target\":"), 400, "InvalidRequest", "JSON");
        assertError(pro("GET", "/purges/nope", ""), 404, "InvalidPurgeTaskId", "does not exist");
        assertError(
                f.cdnpro.handle(f.signed("GET", "/purges", "acme-pro", "wrong", "", Map.of())),
                401,
                "AccessDenied",
                "");
        assertThat(f.freshness(GLOBEX, "/x")).isEqualTo(Freshness.FRESH);
        assertThat(f.log.lastSeq()).isZero();
    }

    @Test
    void cdnProOtherTenantsTaskIsInvisible() {
        String id =
                id(pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":[\"http://www.acme.test/abc\"]}"));
        WireResponse asGlobex =
                f.cdnpro.handle(f.signed("GET", "/purges/" + id, "globex-pro", "globex-key", "", Map.of()));
        assertError(asGlobex, 404, "InvalidPurgeTaskId", "");
    }

    @Test
    void cdnProQuotaAllowsOneOverrunThenRefuses() {
        String six =
                "[\"http://www.acme.test/1xxxxxx\",\"http://www.acme.test/2xxxxxx\",\"http://www.acme.test/3xxxxxx\","
                        + "\"http://www.acme.test/4xxxxxx\",\"http://www.acme.test/5xxxxxx\",\"http://www.acme.test/6xxxxxx\"]";
        assertThat(pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":" + six + "}")
                        .status())
                .isEqualTo(201);
        assertError(
                pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":[\"http://www.acme.test/abc\"]}"),
                403,
                "PurgeQuotaExceeded",
                "");
        f.clock.advance(Duration.ofHours(24));
        assertThat(pro("POST", "/purges", "{\"target\":\"production\",\"fileUrls\":[\"http://www.acme.test/abc\"]}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void cdnProWebhookIsCalledSignedWhenTheTaskFinishes() throws Exception {
        try (FakeOrigin receiver = FakeOrigin.start()) {
            receiver.enqueue("/hook", FakeReply.status(500)).always("/hook", FakeReply.status(200));
            WireResponse hook = pro("POST", "/webhooks", """
                    {"name":"n","url":"%s","credentials":{"user":"bot","secretKey":"s"}}""".formatted(receiver.uri("/hook")));
            assertThat(hook.status()).isEqualTo(201);
            String created = id(pro("POST", "/purges", """
                    {"target":"production","fileUrls":["http://www.acme.test/abc"],"webhook":"%s"}""".formatted(id(hook))));

            for (int i = 0; i < 500 && f.deliveries.forTask(created).stream().noneMatch(Delivery::succeeded); i++) {
                receiver.requests(); // The sender retries on its own thread; poll its log.
                Thread.onSpinWait();
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            assertThat(f.deliveries.forTask(created))
                    .extracting(Delivery::status)
                    .containsExactly(500, 200);
            assertThat(receiver.lastRequest("/hook").header("Authorization")).startsWith("Basic ");
        }
    }

    @Test
    void quantilPurgesAndReportsAndRefusesHostileXmlAndForeignDomains() {
        f.fill(GLOBEX, "/a");
        f.fill(GLOBEX, "/d/x");
        WireResponse reply = f.quantil.handle(f.signed("POST", "", "globex-qtl", "globex-qkey", """
                <purge-urls><version>1.0.0</version><file-url>http://shop.globex.test/a</file-url>
                <dir-url>http://shop.globex.test/d/</dir-url></purge-urls>""", Map.of()));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.bodyText()).contains("<message>success</message>");
        assertThat(reply.headers().first("x-cnc-request-id")).isNotNull();
        assertThat(f.freshness(GLOBEX, "/a")).isNull();
        assertThat(f.freshness(GLOBEX, "/d/x")).isNull();
        WireResponse status =
                f.quantil.handle(f.signed("GET", "/" + id(reply), "globex-qtl", "globex-qkey", "", Map.of()));
        assertThat(status.bodyText()).contains("<status>Success</status>", "<isdir>Y</isdir>", "<rate>100.0</rate>");

        f.fill(ACME, "/a");
        WireResponse foreign = f.quantil.handle(f.signed(
                "POST",
                "",
                "globex-qtl",
                "globex-qkey",
                "<purge-urls><file-url>http://www.acme.test/a</file-url></purge-urls>",
                Map.of()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.bodyText()).contains("<code>NoSuchDomain</code>");
        WireResponse xxe = f.quantil.handle(f.signed("POST", "", "globex-qtl", "globex-qkey", """
                <?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <purge-urls><file-url>&x;</file-url></purge-urls>""", Map.of()));
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.bodyText()).doesNotContain("root:");
        assertThat(f.freshness(ACME, "/a")).isEqualTo(Freshness.FRESH);
        assertThat(f.taskStore.list(
                        "globex",
                        "quantil",
                        f.clock.instant().minusSeconds(1),
                        f.clock.instant().plusSeconds(1)))
                .singleElement()
                .extracting(t -> t.state())
                .isEqualTo(TaskState.FINISHED);
    }

    @Test
    void fiveCentsPurgesFilesOrTheWholeZoneOnlyForItsOwnZones() {
        f.fill(ACME, "/v/a.mp4");
        f.fill(ACME, "/other");
        WireHeaders key = WireHeaders.of("x-api-key", "acme-5c");
        WireResponse files = f.fivecents.handle(VendorFixture.request(
                "POST", "/http/pull/11/purge", key, "{\"files\":[\"/v/a.mp4\"]}", Map.of("delete", List.of("true"))));
        assertThat(files.bodyText()).isEqualTo("{\"result\":\"success\",\"message\":\"Zone Purged\"}");
        assertThat(f.freshness(ACME, "/v/a.mp4")).isNull();
        WireResponse zone = f.fivecents.handle(VendorFixture.request("POST", "/vod/pull/11/purge", key, "", Map.of()));
        assertThat(zone.bodyText()).contains("Zone updated successfully");
        assertThat(f.freshness(ACME, "/other")).isNotEqualTo(Freshness.FRESH);

        f.fill(GLOBEX, "/g");
        WireResponse foreign =
                f.fivecents.handle(VendorFixture.request("POST", "/http/push/22/restore", key, "", Map.of()));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.bodyText()).startsWith("{\"status\":\"error\",\"errors\":[{\"code\":403,");
        WireResponse missing = f.fivecents.handle(
                VendorFixture.request("POST", "/http/pull/11/purge", WireHeaders.empty(), "", Map.of()));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.bodyText()).contains("API key is required");
        assertThat(f.freshness(GLOBEX, "/g")).isEqualTo(Freshness.FRESH);
    }

    private static void assertError(WireResponse reply, int status, String code, String message) {
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(status);
        assertThat(reply.bodyText()).contains("\"code\":\"" + code + "\"").contains(message);
    }
}
