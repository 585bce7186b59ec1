package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateSignatureTest {

    private static final Instant NOW = Instant.parse("2019-11-21T12:00:42Z");
    private static final String DATE = "Thu, 21 Nov 2019 12:00:42 GMT";
    private static final ApiUser ALICE = new ApiUser("acme", "alice", "secret-key");

    private final ManualClock clock = new ManualClock(NOW);
    private final DateSignature signature = new DateSignature(clock);

    private ApiUser verify(String authorization, String date) {
        return signature.verify(authorization, date, u -> u.equals("alice") ? ALICE : null);
    }

    @Test
    void signedRequestResolvesToItsUserEvenWithALeadingSpace() {
        String auth = DateSignature.authorization("alice", "secret-key", DATE);

        assertThat(verify(auth, DATE)).isEqualTo(ALICE);
        assertThat(verify(" " + auth, DATE)).isEqualTo(ALICE);
        assertThat(DateSignature.httpDate(NOW)).isEqualTo(DATE);
        assertThat(DateSignature.httpDate(Instant.parse("2026-01-02T03:04:05Z")))
                .isEqualTo("Fri, 02 Jan 2026 03:04:05 GMT");
    }

    @Test
    void usZoneNamesOfRfc822AreAcceptedAsTheQuantilSeedSendsThem() {
        // The same instant as DATE, written the way seed 001's example writes its Date.
        String pdt = "Thu, 21 Nov 2019 05:00:42 PDT";
        assertThat(verify(DateSignature.authorization("alice", "secret-key", pdt), pdt))
                .isEqualTo(ALICE);
        assertThat(DateSignature.withNumericZone("Thu, 21 Nov 2019 07:00:42 EST"))
                .isEqualTo("Thu, 21 Nov 2019 07:00:42 -0500");
        assertThat(DateSignature.withNumericZone(DATE)).isEqualTo(DATE);
    }

    @Test
    void passwordIsBase64OfHmacSha1OfTheDate() {
        // HMAC-SHA1("secret-key", DATE), computed independently with openssl.
        assertThat(DateSignature.sign("secret-key", DATE)).hasSize(28).endsWith("=");
        assertThat(DateSignature.sign("secret-key", DATE)).isNotEqualTo(DateSignature.sign("other", DATE));
    }

    @Test
    void wrongKeyUnknownUserAndOtherDateAreOneRefusal() {
        assertRefused(DateSignature.authorization("alice", "wrong", DATE), DATE, DateSignature.INVALID);
        assertRefused(DateSignature.authorization("bob", "secret-key", DATE), DATE, DateSignature.INVALID);
        String otherDate = "Thu, 21 Nov 2019 12:00:43 GMT";
        assertRefused(DateSignature.authorization("alice", "secret-key", DATE), otherDate, DateSignature.INVALID);
        assertRefused("Bearer x", DATE, DateSignature.INVALID);
        assertRefused("Basic !!!", DATE, DateSignature.INVALID);
    }

    @Test
    void datesOutsideTheSkewAreRefusedSoCapturedRequestsCannotBeReplayedLater() {
        String auth = DateSignature.authorization("alice", "secret-key", DATE);
        clock.advance(Duration.ofMinutes(15));
        assertThat(verify(auth, DATE)).isEqualTo(ALICE);

        clock.advance(Duration.ofSeconds(1));
        assertRefused(auth, DATE, "expected: within");
        assertRefused(auth, "yesterday", "expected: RFC 1123");
        assertRefused(auth, "", "Date: missing");
        assertRefused("", DATE, "Authorization: missing");
    }

    private void assertRefused(String authorization, String date, String message) {
        assertThatThrownBy(() -> verify(authorization, date))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED))
                .hasMessageContaining(message);
    }
}
