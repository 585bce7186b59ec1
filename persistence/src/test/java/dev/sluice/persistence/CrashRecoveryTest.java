package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.content.Entry;
import dev.sluice.content.Published;
import dev.sluice.testing.ManualClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kill -9 a process mid-push: every push it acknowledged is there after reopening, and whole. */
class CrashRecoveryTest {

    private static final int ACKS_BEFORE_KILL = 25;

    @TempDir
    Path dataDir;

    /** A body of some tens of KB, distinct per push. */
    static String body(int n) {
        return ("<p>page " + n + "</p>").repeat(2000 + n * 37);
    }

    @Test
    void acknowledgedPushesSurviveKillNine() throws Exception {
        Map<Integer, String> acked = new LinkedHashMap<>();
        Process child = start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            while (acked.size() < ACKS_BEFORE_KILL) {
                String line = out.readLine();
                assertThat(line)
                        .as("child output (stderr: %s)", stderr())
                        .isNotNull()
                        .startsWith("ok ");
                int space = line.indexOf(' ', 3);
                acked.put(Integer.parseInt(line.substring(3, space)), line.substring(space + 1));
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedStore store = EmbeddedStore.open(dataDir, new ManualClock(), 1 << 20)) {
            for (Map.Entry<Integer, String> ack : acked.entrySet()) {
                Entry entry = store.contentService().entry(StoreTestBase.SITE, "/p" + ack.getKey());
                assertThat(entry.publishedMd5()).isEqualTo(ack.getValue());
                assertThat(store.contentReader().published(StoreTestBase.SITE, "/p" + ack.getKey()))
                        .isInstanceOf(Published.Page.class);
                try (InputStream in = store.contentReader().openBlob(ack.getValue())) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo(body(ack.getKey()));
                }
            }
            try (Stream<Path> temps = Files.list(dataDir.resolve("blobs/tmp"))) {
                assertThat(temps).isEmpty();
            }
        }
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath, CrashingPusher.class.getName(), dataDir.toString())
                .redirectError(dataDir.resolve("child.stderr").toFile())
                .start();
    }

    private String stderr() throws IOException {
        Path file = dataDir.resolve("child.stderr");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
