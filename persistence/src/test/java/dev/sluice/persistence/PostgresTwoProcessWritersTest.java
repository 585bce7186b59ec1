package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.purge.PurgeCommand;
import dev.sluice.testing.ManualClock;
import dev.sluice.testing.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes write one PostgreSQL purge log at once while this one follows it by sequence,
 * as an edge does: every command is seen exactly once, in sequence order, with no gap, although the
 * writers' commits interleave.
 */
class PostgresTwoProcessWritersTest {

    private static final int PER_PROCESS = 300;

    @TempDir
    Path dir;

    @Test
    void twoWritingProcessesAndAFollowerThatNeverSkips() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        try (PostgresStore follower =
                PostgresStores.open(PostgresStores.settings(server, url), new ManualClock(), 1024)) {
            // Migrated before the writers start, so they race on purges, not on the schema.
            List<Process> writers = new ArrayList<>();
            for (String prefix : List.of("a-", "b-")) {
                writers.add(new ProcessBuilder(
                                ProcessHandle.current().info().command().orElse("java"),
                                "-cp",
                                System.getProperty("java.class.path"),
                                LogWriterProcess.class.getName(),
                                url,
                                server.user(),
                                prefix,
                                Integer.toString(PER_PROCESS))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(prefix + "out.txt").toFile())
                        .start());
            }
            List<Long> seqs = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            long after = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (seqs.size() < 2 * PER_PROCESS && System.nanoTime() < deadline) {
                List<PurgeCommand> batch = follower.purgeLog().readAfter(after, 100);
                for (PurgeCommand c : batch) {
                    seqs.add(c.seq());
                    ids.add(c.id());
                    after = c.seq();
                }
                if (batch.isEmpty()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            }
            for (Process p : writers) {
                assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(p.exitValue()).as("writer exit; output in %s", dir).isZero();
            }
            assertThat(seqs)
                    .as("read in order, none skipped, none twice")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 2L * PER_PROCESS).boxed().toList());
            assertThat(ids).hasSize(2 * PER_PROCESS);
            assertThat(ids).anyMatch(id -> id.startsWith("a-")).anyMatch(id -> id.startsWith("b-"));
        }
    }
}
