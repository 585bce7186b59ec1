package dev.sluice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.control.QuotaLedger;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link QuotaLedger} contract, run against every implementation (memory, SQLite, PostgreSQL). */
abstract class QuotaLedgerContract {

    final ManualClock clock = new ManualClock();

    @SuppressWarnings("NullAway.Init") // opened before each test
    QuotaLedger ledger;

    /** A new, empty ledger with a 24 h window on the clock. */
    abstract QuotaLedger open(ManualClock clock) throws Exception;

    void close() throws Exception {}

    @BeforeEach
    void openLedger() throws Exception {
        ledger = open(clock);
    }

    @AfterEach
    void closeLedger() throws Exception {
        close();
    }

    @Test
    void strictChargesMustFitAndAreAllOrNothing() {
        Map<String, Long> limits = Map.of("files", 10L, "dirs", 2L);

        assertThat(ledger.tryCharge(Map.of("files", 8L, "dirs", 1L), limits, false))
                .isTrue();
        assertThat(ledger.tryCharge(Map.of("files", 2L, "dirs", 2L), limits, false))
                .isFalse();
        assertThat(ledger.used("files")).isEqualTo(8);
        assertThat(ledger.tryCharge(Map.of("files", 2L, "dirs", 1L), limits, false))
                .isTrue();
        assertThat(ledger.used("dirs")).isEqualTo(2);
    }

    @Test
    void overrunIsAllowedWhileTokensRemainAndTheWindowRolls() {
        Map<String, Long> limits = Map.of("k", 20L);

        assertThat(ledger.tryCharge(Map.of("k", 19L), limits, true)).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(ledger.tryCharge(Map.of("k", 5L), limits, true)).isTrue();
        assertThat(ledger.used("k")).isEqualTo(24);
        assertThat(ledger.tryCharge(Map.of("k", 1L), limits, true)).isFalse();

        clock.advance(Duration.ofHours(23));
        assertThat(ledger.used("k")).isEqualTo(5);
        assertThat(ledger.tryCharge(Map.of("k", 1L), limits, true)).isTrue();
    }

    @Test
    void concurrentChargesNeverTakeMoreThanTheLimit() throws Exception {
        Map<String, Long> limits = Map.of("k", 50L);
        List<Future<Boolean>> charges = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 80; i++) {
                charges.add(pool.submit(() -> ledger.tryCharge(Map.of("k", 1L), limits, false)));
            }
            int granted = 0;
            for (Future<Boolean> f : charges) {
                granted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(granted).isEqualTo(50);
        }
        assertThat(ledger.used("k")).isEqualTo(50);
    }
}
