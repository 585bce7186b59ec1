package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.cache.PurgeMode;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link PurgeLog} contract, run against every implementation (in memory, SQLite, PostgreSQL). */
abstract class PurgeLogContract {

    static final SiteId SITE = new SiteId("acme", "www");

    final ManualClock clock = new ManualClock();
    PurgeLog log;

    /** A new, empty log on the clock. */
    abstract PurgeLog open(ManualClock clock) throws Exception;

    /** Releases what {@link #open} took. */
    void close() throws Exception {}

    @BeforeEach
    void openLog() throws Exception {
        log = open(clock);
    }

    @AfterEach
    void closeLog() throws Exception {
        close();
    }

    static PurgeRequest exact(String path) {
        return new PurgeRequest(SITE, List.of(new Matcher.Exact(path)), PurgeMode.HARD);
    }

    @Test
    void emptyLogIsAtZero() {
        assertThat(log.lastSeq()).isZero();
        assertThat(log.firstSeq()).isEqualTo(1);
        assertThat(log.readAfter(0, 10)).isEmpty();
    }

    @Test
    void appendsInSequenceAndReadsAfterAPosition() {
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
        PurgeCommand first = log.append("same", exact("/1"));

        assertThat(log.append("same", exact("/1"))).isEqualTo(first);
        assertThatThrownBy(() -> log.append("same", exact("/2")))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessage("purge id: same (expected: unique per request)");
        assertThat(log.lastSeq()).isEqualTo(1);
    }

    @Test
    void concurrentAppendsGetGaplessSequencesAnnouncedInOrderBeforeTheyReturn() throws Exception {
        List<Long> heard = new CopyOnWriteArrayList<>();
        Set<Long> heardSet = ConcurrentHashMap.newKeySet();
        AutoCloseable broken = log.subscribe(c -> {
            throw new IllegalStateException("a broken subscriber does not fail appends");
        });
        AutoCloseable subscription = log.subscribe(c -> {
            heard.add(c.seq());
            heardSet.add(c.seq());
        });
        List<Future<Boolean>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                String id = "p" + i;
                futures.add(pool.submit(
                        () -> heardSet.contains(log.append(id, exact("/" + id)).seq())));
            }
            for (Future<Boolean> future : futures) {
                assertThat(future.get(60, TimeUnit.SECONDS))
                        .as("announced before append returned")
                        .isTrue();
            }
        }
        subscription.close();
        broken.close();
        List<Long> all = LongStream.rangeClosed(1, 200).boxed().toList();
        assertThat(log.readAfter(0, 1000)).extracting(PurgeCommand::seq).containsExactlyElementsOf(all);
        assertThat(heard).containsExactlyElementsOf(all);
    }

    @Test
    void pruneForgetsOldCommandsButKeepsTheNewest() {
        for (int i = 1; i <= 10; i++) {
            log.append("old" + i, exact("/" + i));
        }
        clock.advance(Duration.ofDays(8));
        for (int i = 11; i <= 15; i++) {
            log.append("new" + i, exact("/" + i));
        }
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));

        assertThat(log.prune(weekAgo, 12)).as("the newest 12 are kept").isEqualTo(3);
        assertThat(log.firstSeq()).isEqualTo(4);
        assertThat(log.prune(weekAgo, 2))
                .as("nothing newer than the cutoff goes")
                .isEqualTo(7);
        assertThat(log.firstSeq()).isEqualTo(11);
        assertThat(log.readAfter(0, 100).getFirst().seq()).isEqualTo(11);
        assertThat(log.prune(clock.instant().plusSeconds(1), 2)).isEqualTo(3);
        assertThat(log.readAfter(0, 100)).extracting(PurgeCommand::seq).containsExactly(14L, 15L);
        assertThat(log.lastSeq()).isEqualTo(15);
        assertThat(log.append("next", exact("/16")).seq()).isEqualTo(16);
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> log.readAfter(0, 0)).hasMessage("limit: 0 (expected: >= 1)");
    }
}
