package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node on a PostgreSQL store, through real HTTP: it publishes and purges; with the database
 * stopped, writes answer 503 with Retry-After in Quant's JSON shape while the edge keeps serving its
 * cache; with the database back, the node recovers without a restart and nothing acknowledged is lost.
 */
class PostgresStoreNodeTest {

    @TempDir
    Path dir;

    /** Asks again while the answer is 503 (never another failure), for at most 30 s. */
    static Reply untilNot503(java.util.function.Supplier<Reply> ask) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        Reply r = ask.get();
        while (r.status() == 503 && System.nanoTime() < deadline) {
            r = ask.get();
        }
        return r;
    }

    @Test
    void servesFromPostgresAnswers503WhileItIsDownAndRecoversByItself() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String url = pg.createDatabase();
            Path yaml = NodeConfig.of(dir.resolve("data"))
                    .site(SiteSpec.ACME)
                    .store("{ kind: postgres, url: \"%s\", user: %s, connectTimeout: 1s }".formatted(url, pg.user()))
                    .write(dir);
            try (InProcessNode node = InProcessNode.start(yaml)) {
                QuantApi api = QuantApi.of(node, SiteSpec.ACME);
                EdgeClient edge = EdgeClient.of(node, SiteSpec.ACME);
                assertThat(api.content("/a", "<h1>one</h1>").status()).isEqualTo(200);
                assertThat(edge.get("/a").text()).isEqualTo("<h1>one</h1>");

                pg.stop();
                Reply push = api.content("/a", "<h1>two</h1>");
                assertThat(push.status()).isEqualTo(503);
                assertThat(push.header("Retry-After")).isEqualTo("2");
                assertThat(push.json().path("error").asBoolean()).isTrue();
                assertThat(api.purge("/a").status()).isEqualTo(503);
                assertThat(edge.get("/a").text())
                        .as("the edge keeps serving its cache")
                        .isEqualTo("<h1>one</h1>");

                pg.restart();
                // The pools reconnect by themselves, within their retry back-off: 503 until then.
                assertThat(untilNot503(() -> api.content("/a", "<h1>two</h1>")).status())
                        .isEqualTo(200);
                assertThat(edge.get("/a").text()).isEqualTo("<h1>two</h1>");
                assertThat(api.purge("/a").status()).isEqualTo(200);
            }
        }
    }
}
