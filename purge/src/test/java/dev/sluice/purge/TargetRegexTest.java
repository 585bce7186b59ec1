package dev.sluice.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;

class TargetRegexTest {

    @Test
    void nestedBoundedRepeatsMultiplyAndAreRefusedBeforeCompiling() {
        // Compiling this exhausts the heap: 59^4 copies of "a".
        assertThatThrownBy(() -> TargetRegex.compile("http://docs.acme.test/(((a{59}){59}){59}){59}"))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .hasMessageContaining("nested repeat bounds multiplying to <= 1000");
        assertThatThrownBy(() -> TargetRegex.compile("(a{2}){501}")).hasMessageContaining("got 1002");
        assertThatThrownBy(() -> TargetRegex.compile("(?:x|(b{10,}c){101})+")).hasMessageContaining("got 1010");
        assertThatThrownBy(() -> TargetRegex.compile("((a{1,40}))*(?i)(b{5}){300}"))
                .hasMessageContaining("got 1500");
    }

    @Test
    void productsOfAtMostOneThousandCompile() {
        assertThat(TargetRegex.compile("(a{10}){100}").test("a".repeat(1000))).isTrue();
        assertThat(TargetRegex.compile("a{1000}(b{2}){500}").test("a".repeat(1000) + "b".repeat(1000)))
                .isTrue();
        assertThat(TargetRegex.repeatProduct("(x*)+(y?){3}")).isEqualTo(3);
    }

    @Test
    void bracesAndParenthesesThatAreNotRepeatsOrGroupsCountAsLiterals() {
        assertThat(TargetRegex.repeatProduct("/a{b}/c{,5}/d\\{99}")).isEqualTo(1);
        assertThat(TargetRegex.repeatProduct("[({]{20}\\Q(x){999}\\E(z){4}")).isEqualTo(20);
        assertThat(TargetRegex.repeatProduct("([)]{30}){30}")).isEqualTo(900);
        assertThat(TargetRegex.repeatProduct("(\\p{L}{3}[[:alpha:]]{2}){100}")).isEqualTo(300);
    }
}
