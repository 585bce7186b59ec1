package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireHeadersTest {

    @Test
    void namesMatchInAnyCaseAndKeepEveryValue() {
        WireHeaders headers = WireHeaders.builder()
                .add("Quant-Url", "/a")
                .add("quant-url", "/b")
                .add("Accept", "*/*")
                .build();
        assertThat(headers.first("QUANT-URL")).isEqualTo("/a");
        assertThat(headers.all("quant-URL")).containsExactly("/a", "/b");
        assertThat(headers.first("Missing")).isNull();
        assertThat(headers.all("Missing")).isEmpty();
        assertThat(headers.names()).containsExactly("Accept", "Quant-Url");
    }

    @Test
    void withAddsWithoutChangingTheOriginal() {
        WireHeaders one = WireHeaders.of("A", "1");
        WireHeaders two = one.with("a", "2");
        assertThat(one.all("a")).containsExactly("1");
        assertThat(two.all("A")).containsExactly("1", "2");
    }

    @Test
    void pairsMustBePairs() {
        assertThatThrownBy(() -> WireHeaders.of("A")).hasMessage("namesAndValues: 1 strings (expected: pairs)");
    }
}
