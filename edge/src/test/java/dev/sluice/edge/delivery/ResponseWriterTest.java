package dev.sluice.edge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    @Test
    void gzipRepresentationHasItsOwnStrongTag() {
        assertThat(ResponseWriter.gzipTag("\"abc\"")).isEqualTo("\"abc-gz\"");
        assertThat(ResponseWriter.gzipTag("W/\"abc\"")).isEqualTo("W/\"abc-gz\"");
        assertThat(ResponseWriter.gzipTag(null)).isNull();
    }
}
