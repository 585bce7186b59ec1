package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurgeUrlTest {

    @Test
    void encodedMeansRfc3986CharactersAndEscapesThatSpellUtf8() {
        assertThat(PurgeUrl.isEncoded("http://domain.info/i/image/gallery/123.jpg"))
                .isTrue();
        assertThat(PurgeUrl.isEncoded("http://test.domain2.com/2.txt?q1=1&q2=3"))
                .isTrue();
        assertThat(PurgeUrl.isEncoded("http://d.info/caf%C3%A9/%20x%25")).isTrue();
        assertThat(PurgeUrl.isEncoded("http://d.info/%E2%82%AC")).isTrue();

        assertThat(PurgeUrl.isEncoded("http://domain.info/i/image/gallery/123%abc.jpg"))
                .as("%ab is no UTF-8 character (seed 002)")
                .isFalse();
        assertThat(PurgeUrl.isEncoded("http://domain.info/newfile[1]{tes`|t^}p.png"))
                .isFalse();
        assertThat(PurgeUrl.isEncoded("http://d.info/%E2%82"))
                .as("truncated sequence")
                .isFalse();
        assertThat(PurgeUrl.isEncoded("http://d.info/%C3/%A9"))
                .as("split sequence")
                .isFalse();
        assertThat(PurgeUrl.isEncoded("http://d.info/%ZZ")).isFalse();
        assertThat(PurgeUrl.isEncoded("http://d.info/%4")).isFalse();
        assertThat(PurgeUrl.isEncoded("http://d.info/a b")).isFalse();
        assertThat(PurgeUrl.isEncoded("http://d.info/é")).isFalse();
    }
}
