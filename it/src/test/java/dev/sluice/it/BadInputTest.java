package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input against a whole node with two tenants: crossed credentials, path
 * traversal, malformed JSON, oversized bodies, and one tenant's host asking for another's content.
 */
class BadInputTest {

    private static final String SECRET = "<html><body>acme only</body></html>";

    @TempDir
    static Path tmp;

    private static RunningNode node;
    private static QuantApi acme;
    private static QuantApi globex;

    @BeforeAll
    static void start() {
        node = InProcessNode.start(NodeConfig.of(tmp.resolve("data"))
                .site(SiteSpec.ACME)
                .site(SiteSpec.GLOBEX)
                .maxBodySize("64KiB")
                .write(tmp));
        acme = QuantApi.of(node, SiteSpec.ACME);
        globex = QuantApi.of(node, SiteSpec.GLOBEX);
        assertThat(acme.content("/secret", SECRET).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aTokenOfOneSiteIsRefusedOnAnotherAndChangesNothing() {
        QuantApi crossed = acme.as(SiteSpec.GLOBEX.tenant(), SiteSpec.GLOBEX.site());
        QuantApi halfCrossed = acme.as(SiteSpec.ACME.tenant(), SiteSpec.GLOBEX.site());
        for (QuantApi wrong : List.of(crossed, halfCrossed, globex.withToken(SiteSpec.ACME.token()))) {
            assertForbidden(wrong.content("/intrusion", "<p>pwned</p>"));
            assertForbidden(wrong.file("/intrusion.bin", "x.bin", new byte[] {1, 2, 3}));
            assertForbidden(wrong.unpublish("/secret"));
            assertForbidden(wrong.purge("/*"));
            assertForbidden(wrong.globalMeta(1));
        }
        EdgeClient globexEdge = EdgeClient.of(node, SiteSpec.GLOBEX);
        assertThat(globexEdge.get("/intrusion").status()).isEqualTo(404);
        assertThat(globexEdge.get("/intrusion.bin").status()).isEqualTo(404);
        assertThat(globex.globalMeta(1)
                        .json()
                        .path("global_meta")
                        .path("total_records")
                        .asInt(0))
                .isZero();
        assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/secret").text()).isEqualTo(SECRET);
    }

    private static void assertForbidden(Reply r) {
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.json().path("error").asBoolean()).as("%s", r).isTrue();
    }

    @Test
    void traversalInUrlsIsRefused() {
        for (String evil : List.of("/../etc/passwd", "/a/../../secret", "/..", "/a/b/../../../x")) {
            assertBadRequest(acme.file(evil, "x.bin", new byte[] {1}), evil);
            assertBadRequest(acme.content(evil, "<p>x</p>"), evil);
            assertBadRequest(acme.unpublish(evil), evil);
            assertBadRequest(acme.publishedRevision(evil), evil);
        }
        assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/secret").text()).isEqualTo(SECRET);
    }

    private static void assertBadRequest(Reply r, String what) {
        assertThat(r.status()).as("%s: %s", what, r).isEqualTo(400);
        assertThat(r.json().path("error").asBoolean()).as("%s: %s", what, r).isTrue();
    }

    @Test
    void malformedJsonIs400() {
        for (String body :
                List.of("{\"url\": \"/x\", \"content\": ", "not json", "[1,2]", "{\"url\": 5, \"content\": {}}")) {
            assertBadRequest(acme.json("", body), body);
        }
        assertBadRequest(acme.json("/redirect", "{\"url\": \"/a\", \"redirect_url\""), "redirect");
        assertBadRequest(acme.json("/url-meta", "{\"Quant-Url\": "), "url-meta");
    }

    @Test
    void aBodyOverMaxBodySizeIs413() {
        byte[] big = new byte[200 * 1024];
        Reply file = acme.file("/big.bin", "big.bin", big);
        assertThat(file.status()).as("%s", file).isEqualTo(413);
        Reply json = acme.content("/big", "x".repeat(200 * 1024));
        assertThat(json.status()).as("%s", json).isEqualTo(413);
        assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/big.bin").status()).isEqualTo(404);
        assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/big").status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsHostNeverShowsThisTenantsContent() {
        for (String host :
                List.of(SiteSpec.GLOBEX.host(), "unknown.example", "DOCS.ACME.TEST.evil.test", "127.0.0.1")) {
            Reply r = new EdgeClient(node.edge(), host).get("/secret");
            assertThat(r.status()).as("%s /secret", host).isNotEqualTo(200);
            assertThat(r.text()).as("%s /secret", host).doesNotContain("acme only");
        }
        assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/secret").text()).isEqualTo(SECRET);
    }
}
