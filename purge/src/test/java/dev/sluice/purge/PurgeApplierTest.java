package dev.sluice.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PurgeApplierTest {

    private static final SiteId SITE = new SiteId("acme", "www");

    private final ManualClock clock = new ManualClock();
    private final MemoryCacheStore store = new MemoryCacheStore(clock, 1 << 24);
    private final PurgeApplier applier = new PurgeApplier(store);
    private final InMemoryPurgeLog log = new InMemoryPurgeLog(clock);

    @Test
    void appliesInOrderAndSkipsWhatItApplied() {
        PurgeCommand first = log.append("p1", request(new Matcher.Exact("/a")));
        fill("/a");

        assertThat(applier.apply(first)).isTrue();
        assertThat(applier.apply(first)).isFalse();
        assertThat(store.get(key("/a"))).isNull();
        fill("/a");
        assertThat(applier.apply(first)).isFalse();
        assertThat(store.get(key("/a"))).isNotNull();
        assertThat(applier.appliedSeq()).isEqualTo(1);
    }

    @Test
    void gapIsCaughtUpFromTheLogBeforeApplying() {
        fill("/a");
        fill("/b");
        log.append("p1", request(new Matcher.Exact("/a")));
        PurgeCommand second = log.append("p2", request(new Matcher.Exact("/b")));

        applier.accept(second, log);

        assertThat(store.get(key("/a"))).isNull();
        assertThat(store.get(key("/b"))).isNull();
        assertThat(applier.appliedSeq()).isEqualTo(2);
    }

    @Test
    void anEmptyCacheStartsAtTheHeadWithoutReplaying() {
        for (int i = 0; i < 1000; i++) {
            log.append("p" + i, request(new Matcher.All()));
        }

        assertThat(applier.startAtHead(log)).isEqualTo(1000);
        assertThat(store.appliedSeq()).isEqualTo(1000);
        fill("/a");
        assertThat(applier.catchUp(log)).as("nothing left to replay").isZero();
        assertThat(store.get(key("/a"))).isNotNull();
    }

    @Test
    void aNodeWhoseMissedCommandsWerePrunedTreatsItsWholeCacheAsPurged() {
        fill("/a");
        fill("/b");
        log.append("p1", request(new Matcher.Exact("/a")));
        clock.advance(Duration.ofDays(8));
        log.append("p2", request(new Matcher.Exact("/c")));
        log.append("p3", request(new Matcher.Exact("/d")));
        assertThat(log.prune(clock.instant().minus(Duration.ofDays(7)), 1)).isEqualTo(1);

        assertThat(applier.catchUp(log)).isEqualTo(2);

        assertThat(store.get(key("/a"))).isNull();
        assertThat(store.get(key("/b")))
                .as("its purge may have been among those pruned")
                .isNull();
        assertThat(applier.appliedSeq()).isEqualTo(3);
        fill("/b");
        assertThat(store.get(key("/b"))).as("filled after the reset").isNotNull();
    }

    @Test
    void catchUpReadsEveryBatch() {
        for (int i = 0; i < 1234; i++) {
            log.append("p" + i, request(new Matcher.Tag("t" + i)));
        }

        assertThat(applier.catchUp(log)).isEqualTo(1234);
        assertThat(store.appliedSeq()).isEqualTo(1234);
        assertThat(applier.catchUp(log)).isZero();
    }

    @Test
    void matcherThatNoLongerCompilesPurgesTheWholeSite() {
        fill("/a");
        PurgeCommand bad = new PurgeCommand(
                1, "p1", new PurgeRequest(SITE, List.of(new Matcher.Regex("(")), PurgeMode.HARD), Instant.EPOCH);

        applier.apply(bad);

        assertThat(store.get(key("/a"))).isNull();
    }

    @Test
    void startsFromTheStoresAppliedSequence() {
        store.purgeSite(SITE, PurgeMode.HARD, 7);

        assertThat(new PurgeApplier(store).appliedSeq()).isEqualTo(7);
    }

    private void fill(String target) {
        store.put(key(target), response(), store.fillToken());
    }

    private CachedResponse response() {
        return new CachedResponse(
                200,
                List.of(),
                new byte[1],
                null,
                null,
                -1,
                Set.of(),
                clock.nanoTime(),
                0,
                Duration.ofHours(1).toNanos(),
                0,
                0);
    }

    private static PurgeRequest request(Matcher m) {
        return new PurgeRequest(SITE, List.of(m), PurgeMode.HARD);
    }

    private static CacheKey key(String target) {
        return new CacheKey(SITE, target);
    }
}
