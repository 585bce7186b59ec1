package dev.sluice.dialect.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.dialect.quant.AttachmentScanner.Attachment;
import dev.sluice.dialect.quant.AttachmentScanner.Group;
import org.junit.jupiter.api.Test;

class AttachmentScannerTest {

    @Test
    void findsSameSiteAssetsByGroupInOrder() {
        String html = """
                <html><head>
                  <link rel="stylesheet" href="/css/site.css?v=3">
                  <script src='js/app.js'></script>
                  <link rel=icon href=/favicon.ico>
                </head><body>
                  <img src="../img/Logo.PNG#top"> <a href="/docs/guide.pdf">guide</a>
                  <video src="/media/intro.mp4"></video><audio src="/media/theme.mp3"></audio>
                  <a href="/about/">a page is not an asset</a>
                </body></html>
                """;
        assertThat(AttachmentScanner.scan("/blog/post/index.html", html))
                .containsExactly(
                        new Attachment(Group.CSS, "/css/site.css", "/css/site.css?v=3"),
                        new Attachment(Group.JS, "/blog/post/js/app.js", "js/app.js"),
                        new Attachment(Group.IMAGES, "/favicon.ico", "/favicon.ico"),
                        new Attachment(Group.IMAGES, "/blog/img/Logo.PNG", "../img/Logo.PNG#top"),
                        new Attachment(Group.DOCUMENTS, "/docs/guide.pdf", "/docs/guide.pdf"),
                        new Attachment(Group.VIDEO, "/media/intro.mp4", "/media/intro.mp4"),
                        new Attachment(Group.AUDIO, "/media/theme.mp3", "/media/theme.mp3"));
    }

    @Test
    void ignoresOtherSitesSchemesAndDuplicates() {
        String html = """
                <img src="https://cdn.example.com/a.png"><img src="//cdn.example.com/b.png">
                <img src="data:image/png;base64,AAAA"><a href="mailto:x@example.com">m</a>
                <img src="/c.png"><img SRC = "/c.png"><img src="">
                <img src="/../../etc/passwd.png"><img src="/bad\t.png">
                """;
        assertThat(AttachmentScanner.scan("/index.html", html))
                .containsExactly(new Attachment(Group.IMAGES, "/c.png", "/c.png"));
    }

    @Test
    void resolvesAgainstThePageDirectory() {
        assertThat(AttachmentScanner.resolve("/a/b/index.html", "c.css")).isEqualTo("/a/b/c.css");
        assertThat(AttachmentScanner.resolve("/a/b", "./c.css")).isEqualTo("/a/c.css");
        assertThat(AttachmentScanner.resolve("/a/b/", "../../c.css")).isEqualTo("/c.css");
        assertThat(AttachmentScanner.resolve("/a/", "../../c.css")).isEmpty();
        assertThat(AttachmentScanner.resolve("/", "#anchor")).isEmpty();
    }

    @Test
    void stopsAtTheCap() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < AttachmentScanner.MAX_ATTACHMENTS + 10; i++) {
            html.append("<img src=\"/i").append(i).append(".png\">");
        }
        assertThat(AttachmentScanner.scan("/", html.toString())).hasSize(AttachmentScanner.MAX_ATTACHMENTS);
    }
}
