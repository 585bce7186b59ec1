package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.ErrorKind;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.PurgeRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SqlitePurgeLogTest extends StoreTestBase {

    private static PurgeRequest exact(String path) {
        return new PurgeRequest(SITE, List.of(new Matcher.Exact(path)), PurgeMode.HARD);
    }

    @Test
    void emptyLogIsAtZero() {
        assertThat(store.purgeLog().lastSeq()).isZero();
        assertThat(store.purgeLog().readAfter(0, 10)).isEmpty();
    }

    @Test
    void appendsInSequenceAndReadsAfterAPosition() {
        PurgeLog log = store.purgeLog();
        PurgeCommand first = log.append("a", exact("/1"));
        clock.advance(Duration.ofMillis(1500));
        PurgeCommand second = log.append("b", exact("/2"));
        PurgeCommand third = log.append("c", exact("/3"));

        assertThat(first).isEqualTo(new PurgeCommand(1, "a", exact("/1"), Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.issuedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
        assertThat(log.lastSeq()).isEqualTo(3);
        assertThat(log.readAfter(0, 10)).containsExactly(first, second, third);
        assertThat(log.readAfter(1, 1)).containsExactly(second);
        assertThat(log.readAfter(3, 10)).isEmpty();
    }

    @Test
    void anIdIsLoggedOnce() {
        PurgeLog log = store.purgeLog();
        PurgeCommand first = log.append("same", exact("/1"));

        assertThat(log.append("same", exact("/1"))).isEqualTo(first);
        assertFails(
                () -> log.append("same", exact("/2")),
                ErrorKind.CONFLICT,
                "purge id: same (expected: unique per request)");
        assertThat(log.lastSeq()).isEqualTo(1);
    }

    @Test
    void concurrentAppendsGetGaplessSequences() throws Exception {
        PurgeLog log = store.purgeLog();
        List<Future<PurgeCommand>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                String id = "p" + i;
                futures.add(pool.submit(() -> log.append(id, exact("/" + id))));
            }
            for (Future<PurgeCommand> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(log.readAfter(0, 1000))
                .extracting(PurgeCommand::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> store.purgeLog().readAfter(0, 0)).hasMessage("limit: 0 (expected: >= 1)");
    }
}
