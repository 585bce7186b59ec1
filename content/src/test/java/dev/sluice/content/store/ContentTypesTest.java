package dev.sluice.content.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.content.EntryType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void pushedHeaderWinsThenDrupalKey() {
        assertThat(ContentTypes.of(EntryType.FILE, "/a.png", Map.of("content-type", "image/x-custom")))
                .isEqualTo("image/x-custom");
        assertThat(ContentTypes.of(EntryType.CONTENT, "/feed", Map.of("content_type", "application/rss+xml")))
                .isEqualTo("application/rss+xml");
    }

    @Test
    void contentIsHtml() {
        assertThat(ContentTypes.of(EntryType.CONTENT, "/data.json", Map.of())).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void fileTypeIsGuessedFromItsExtension() {
        assertThat(ContentTypes.of(EntryType.FILE, "/css/site.CSS", Map.of())).isEqualTo("text/css; charset=utf-8");
        assertThat(ContentTypes.byExtension("/app.mjs")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(ContentTypes.byExtension("/img/a.jpeg")).isEqualTo("image/jpeg");
        assertThat(ContentTypes.byExtension("/fonts/x.woff2")).isEqualTo("font/woff2");
        assertThat(ContentTypes.byExtension("/m.wasm")).isEqualTo("application/wasm");
        assertThat(ContentTypes.byExtension("/app.js.map")).isEqualTo("application/json");
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertThat(ContentTypes.byExtension("/download.xyz")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.byExtension("/v1.2/readme")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.byExtension("/")).isEqualTo("application/octet-stream");
    }
}
