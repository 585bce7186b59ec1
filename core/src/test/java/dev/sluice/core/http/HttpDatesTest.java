package dev.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final long RFC_EXAMPLE =
            Instant.parse("1994-11-06T08:49:37Z").getEpochSecond();

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDates.format(RFC_EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(Instant.parse("2026-01-01T00:00:00.900Z")))
                .isEqualTo("Thu, 01 Jan 2026 00:00:00 GMT");
    }

    @Test
    void parsesAllThreeForms() {
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(RFC_EXAMPLE);
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(RFC_EXAMPLE);
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(RFC_EXAMPLE);
    }

    @Test
    void invalidDatesAreMinusOne() {
        assertThat(HttpDates.parse("yesterday")).isEqualTo(-1);
        assertThat(HttpDates.parse("")).isEqualTo(-1);
        assertThat(HttpDates.parse("Sun, 32 Nov 1994 08:49:37 GMT")).isEqualTo(-1);
    }

    @Test
    void roundTrips() {
        for (long t = 0; t < 4_000_000_000L; t += 123_456_789L) {
            assertThat(HttpDates.parse(HttpDates.format(t))).isEqualTo(t);
        }
    }
}
