package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.FakeReply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A staging environment serves the site's content from its own cache; Quant proxies stay public. */
class StagingAndProxyPolicyTest {

    @TempDir
    Path tmp;

    @Test
    void stagingHostsServeTheSameContentFromTheirOwnCache() {
        Path yaml = NodeConfig.of(tmp.resolve("data"))
                .site(SiteSpec.ACME)
                .siteYaml(SiteSpec.ACME, "stagingHosts: [staging.docs.acme.test]")
                .write(tmp);
        try (RunningNode node = InProcessNode.start(yaml)) {
            QuantApi api = QuantApi.of(node, SiteSpec.ACME);
            assertThat(api.content("/hello/index.html", "<h1>hi</h1>").status()).isEqualTo(200);
            EdgeClient production = EdgeClient.of(node, SiteSpec.ACME);
            EdgeClient staging = new EdgeClient(node.edge(), "staging.docs.acme.test");

            assertThat(production.get("/hello").header("Cache-Status")).contains("fwd=miss");
            assertThat(production.get("/hello").header("Cache-Status")).contains("hit");
            Reply first = staging.get("/hello");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("<h1>hi</h1>");
            assertThat(first.header("Cache-Status")).as("its own cache").contains("fwd=miss");
            assertThat(staging.get("/hello").header("Cache-Status")).contains("hit");
        }
    }

    @Test
    void aQuantProxyToAnInternalAddressIsRefused() {
        Path yaml = NodeConfig.of(tmp.resolve("data")).site(SiteSpec.ACME).write(tmp);
        try (RunningNode node = InProcessNode.start(yaml)) {
            QuantApi api = QuantApi.of(node, SiteSpec.ACME);
            String metrics = node.api() + "/metrics";
            Reply refused =
                    api.json("/proxy", "{\"url\":\"/m\",\"destination\":\"" + metrics + "\",\"published\":true}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("errorMsg").asText()).contains("internal address");
            assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/m").status()).isEqualTo(404);
        }
    }

    @Test
    void anOperatorMayAllowInternalProxyDestinations() throws Exception {
        Path yaml = NodeConfig.of(tmp.resolve("data"))
                .site(SiteSpec.ACME)
                .allowInternalDestinations(true)
                .write(tmp);
        try (FakeOrigin origin = FakeOrigin.start();
                RunningNode node = InProcessNode.start(yaml)) {
            origin.always("/api/status", FakeReply.ok("backend says hi"));
            Reply created = QuantApi.of(node, SiteSpec.ACME)
                    .json(
                            "/proxy",
                            "{\"url\":\"/status\",\"destination\":\"" + origin.uri("/api/status")
                                    + "\",\"published\":true}");
            assertThat(created.status()).isEqualTo(200);
            Reply served = EdgeClient.of(node, SiteSpec.ACME).get("/status");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.text()).isEqualTo("backend says hi");
            assertThat(origin.hits("/api/status")).isEqualTo(1);
        }
    }
}
