package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurgeMarksTest {

    @Test
    void hardDominatesAndSoftGivesTheEarliestNewerPurge() {
        PurgeMarks m = PurgeMarks.EMPTY
                .with(PurgeMode.SOFT, 3, 300)
                .with(PurgeMode.SOFT, 5, 500)
                .with(PurgeMode.HARD, 2, 0);

        assertThat(m.verdict(1)).isEqualTo(PurgeMarks.HARD);
        assertThat(m.verdict(2)).isEqualTo(300);
        assertThat(m.verdict(3)).isEqualTo(500);
        assertThat(m.verdict(5)).isEqualTo(PurgeMarks.NONE);
    }

    @Test
    void reapplyingKeepsTheFirstTime() {
        PurgeMarks m = PurgeMarks.EMPTY.with(PurgeMode.SOFT, 3, 300).with(PurgeMode.SOFT, 3, 900);

        assertThat(m.verdict(0)).isEqualTo(300);
    }

    @Test
    void softHistoryIsBoundedAndMergesConservatively() {
        PurgeMarks m = PurgeMarks.EMPTY;
        for (int seq = 1; seq <= 20; seq++) {
            m = m.with(PurgeMode.SOFT, seq, seq * 100L);
        }

        // Merged history may say an object went stale earlier than it did, never later.
        assertThat(m.verdict(0)).isEqualTo(100);
        assertThat(m.verdict(12)).isLessThanOrEqualTo(1300);
        assertThat(m.verdict(13)).isEqualTo(1400);
        assertThat(m.verdict(19)).isEqualTo(2000);
        assertThat(m.toString()).contains("soft=[13, 14, 15, 16, 17, 18, 19, 20]");
    }

    @Test
    void pruningDropsWhatIsAtOrBelowTheFloor() {
        PurgeMarks m = PurgeMarks.EMPTY.with(PurgeMode.HARD, 4, 0).with(PurgeMode.SOFT, 6, 600);

        assertThat(m.prunedTo(4).verdict(0)).isEqualTo(600);
        assertThat(m.prunedTo(6).isEmpty()).isTrue();
    }
}
