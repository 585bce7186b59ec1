package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaLedgerTest {

    private final ManualClock clock = new ManualClock();
    private final QuotaLedger ledger = new QuotaLedger(clock, Duration.ofHours(24));

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
}
