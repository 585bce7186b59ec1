package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;

class QuantCredentialTest {

    // printf 'secret-token' | sha256sum
    private static final String SECRET_HASH = "sha256:930bbdc51b6aed5c2a5678fd6e28dee7a05e8a4b643cfc0b4427c3efb86c0d94";

    @Test
    void plainTokenMatchesOnlyItself() {
        QuantCredential credential = QuantCredential.ofToken("secret-token");
        assertThat(credential.matches("secret-token")).isTrue();
        assertThat(credential.matches("secret-token ")).isFalse();
        assertThat(credential.matches("")).isFalse();
    }

    @Test
    void knownSha256VectorMatches() {
        assertThat(QuantCredential.ofToken("secret-token").hashed()).isEqualTo(SECRET_HASH);
        assertThat(QuantCredential.parse(SECRET_HASH).matches("secret-token")).isTrue();
    }

    @Test
    void hashedFormMatchesTheTokenItHashes() {
        String hashed = QuantCredential.ofToken("secret-token").hashed();
        assertThat(hashed).startsWith("sha256:").hasSize(7 + 64);
        QuantCredential fromHash = QuantCredential.parse(hashed);
        assertThat(fromHash.matches("secret-token")).isTrue();
        assertThat(fromHash).isEqualTo(QuantCredential.ofToken("secret-token"));
    }

    @Test
    void upperCaseHexIsAccepted() {
        String hashed = QuantCredential.ofToken("t").hashed();
        String upper = "sha256:" + hashed.substring(7).toUpperCase(java.util.Locale.ROOT);
        assertThat(QuantCredential.parse(upper).matches("t")).isTrue();
    }

    @Test
    void parseTreatsAnythingElseAsThePlainToken() {
        assertThat(QuantCredential.parse("sha256").matches("sha256")).isTrue();
        assertThat(QuantCredential.parse(SECRET_HASH).matches(SECRET_HASH)).isFalse();
        assertThat(QuantCredential.parse("SHA256:x").matches("SHA256:x")).isTrue();
    }

    @Test
    void malformedHashesAreRefused() {
        assertThatThrownBy(() -> QuantCredential.parse("sha256:abc"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("3 hex digits");
        assertThatThrownBy(() -> QuantCredential.parse("sha256:" + "z".repeat(64)))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("not hex");
        assertThatThrownBy(() -> QuantCredential.ofToken(""))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST));
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(QuantCredential.ofToken("secret-token").toString()).doesNotContain("secret-token");
    }
}
