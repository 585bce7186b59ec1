package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops a node cleanly: it says so, closes its store, and a restart serves what it had. */
class GracefulShutdownIT {

    @TempDir
    Path tmp;

    @Test
    void sigtermClosesEverythingAndARestartServesTheContent() throws Exception {
        Path data = tmp.resolve("data");
        Path yaml = NodeConfig.of(data).site(SiteSpec.ACME).write(tmp);
        try (SluiceProcess node = SluiceProcess.start(yaml, tmp.resolve("first.log"))) {
            assertThat(QuantApi.of(node, SiteSpec.ACME)
                            .content("/kept/index.html", "<p>kept</p>")
                            .status())
                    .isEqualTo(200);
            assertThat(EdgeClient.of(node, SiteSpec.ACME).get("/kept").status()).isEqualTo(200);

            node.close();

            assertThat(node.isAlive()).isFalse();
            assertThat(node.exitValue()).as("exit status after SIGTERM").isEqualTo(143);
            node.awaitLine("Shutting down", Duration.ofSeconds(30));
            node.awaitLine("Stopped", Duration.ofSeconds(30));
        }
        // SQLite removes its write-ahead log when the last connection closes: a clean close.
        assertThat(data.resolve("sluice.db-wal")).doesNotExist();
        assertThat(Files.exists(data.resolve("sluice.db"))).isTrue();

        try (SluiceProcess again = SluiceProcess.start(yaml, tmp.resolve("second.log"))) {
            Reply served = EdgeClient.of(again, SiteSpec.ACME).get("/kept/");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.text()).isEqualTo("<p>kept</p>");
        }
    }
}
