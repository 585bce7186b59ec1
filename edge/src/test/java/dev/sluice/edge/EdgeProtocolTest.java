package dev.sluice.edge;

import static dev.sluice.edge.EdgeFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP semantics at the edge: conditionals, ranges, gzip, errors. */
class EdgeProtocolTest {

    private static final String BIG_HTML = "<p>Sluice serves this page.</p>\n".repeat(100);

    @TempDir
    Path dir;

    private EdgeFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EdgeFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void ifNoneMatchAndIfModifiedSinceGive304() throws Exception {
        f.page("/c", "conditional", Map.of());
        ContentResponse first = f.get("/c");
        String etag = first.getHeaders().get(HttpHeader.ETAG);
        ContentResponse notModified = f.get("/c", "If-None-Match", etag);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContent()).isEmpty();
        assertThat(notModified.getHeaders().get(HttpHeader.ETAG)).isEqualTo(etag);
        assertThat(notModified.getHeaders().get(HttpHeader.LAST_MODIFIED)).isNotNull();
        assertThat(cacheStatus(notModified)).startsWith("Sluice; hit");
        assertThat(f.get("/c", "If-None-Match", "\"other\"").getStatus()).isEqualTo(200);
        String lastModified = first.getHeaders().get(HttpHeader.LAST_MODIFIED);
        assertThat(f.get("/c", "If-Modified-Since", lastModified).getStatus()).isEqualTo(304);
        assertThat(f.get("/c", "If-Match", "\"nope\"").getStatus()).isEqualTo(412);
    }

    @Test
    void singleRangesAre206AndUnsatisfiableAre416() throws Exception {
        f.page("/r", "0123456789", Map.of());
        ContentResponse part = f.get("/r", "Range", "bytes=2-5");
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getContentAsString()).isEqualTo("2345");
        assertThat(part.getHeaders().get(HttpHeader.CONTENT_RANGE)).isEqualTo("bytes 2-5/10");
        assertThat(f.get("/r", "Range", "bytes=-3").getContentAsString()).isEqualTo("789");
        ContentResponse none = f.get("/r", "Range", "bytes=10-");
        assertThat(none.getStatus()).isEqualTo(416);
        assertThat(none.getHeaders().get(HttpHeader.CONTENT_RANGE)).isEqualTo("bytes */10");
        ContentResponse several = f.get("/r", "Range", "bytes=0-1,4-5");
        assertThat(several.getStatus()).isEqualTo(200);
        assertThat(several.getContentAsString()).isEqualTo("0123456789");
        assertThat(f.get("/r", "Range", "bytes=0-1", "If-Range", "\"stale\"").getStatus())
                .isEqualTo(200);
    }

    @Test
    void gzipIsNegotiatedWithItsOwnTagAndVary() throws Exception {
        f.page("/big", BIG_HTML, Map.of());
        ContentResponse gz = f.get("/big", "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(gz.getHeaders().get(HttpHeader.CONTENT_ENCODING)).isEqualTo("gzip");
        assertThat(gz.getHeaders().get(HttpHeader.VARY)).isEqualTo("Accept-Encoding");
        assertThat(gz.getHeaders().get(HttpHeader.ETAG)).endsWith("-gz\"");
        assertThat(gz.getContent().length).isLessThan(BIG_HTML.length());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.getContent()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BIG_HTML);
        }
        ContentResponse plain = f.get("/big", "Accept-Encoding", "gzip;q=0");
        assertThat(plain.getHeaders().get(HttpHeader.CONTENT_ENCODING)).isNull();
        assertThat(plain.getHeaders().get(HttpHeader.VARY)).isEqualTo("Accept-Encoding");
        assertThat(plain.getContentAsString()).isEqualTo(BIG_HTML);
        assertThat(plain.getHeaders().get(HttpHeader.ETAG)).doesNotContain("-gz");
        String gzTag = gz.getHeaders().get(HttpHeader.ETAG);
        assertThat(f.get("/big", "Accept-Encoding", "gzip", "If-None-Match", gzTag)
                        .getStatus())
                .isEqualTo(304);
    }

    @Test
    void notFoundIsCachedAndTheQuant404PageIsUsed() throws Exception {
        ContentResponse plain = f.get("/missing");
        assertThat(plain.getStatus()).isEqualTo(404);
        assertThat(plain.getContentAsString()).isEqualTo("Not Found\n");
        assertThat(cacheStatus(f.get("/missing"))).startsWith("Sluice; hit");
        f.page("/_quant404", "<h1>Lost?</h1>", Map.of());
        f.purgeTag("sluice:404"); // what the Quant dialect does when /_quant404 changes
        ContentResponse custom = f.get("/missing");
        assertThat(custom.getStatus()).isEqualTo(404);
        assertThat(custom.getContentAsString()).isEqualTo("<h1>Lost?</h1>");
        assertThat(custom.getHeaders().get(HttpHeader.CONTENT_TYPE)).startsWith("text/html");
        f.clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(cacheStatus(f.get("/missing"))).doesNotStartWith("Sluice; hit");
    }

    @Test
    void unknownHostsGetNoSiteContent() throws Exception {
        f.page("/a", "secret", Map.of());
        ContentResponse r = f.request("GET", "/a")
                .headers(h -> h.put(HttpHeader.HOST, "other.test"))
                .send();
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContentAsString()).isEqualTo("Unknown host\n");
    }

    @Test
    void onlyGetAndHead() throws Exception {
        ContentResponse r = f.request("POST", "/a").send();
        assertThat(r.getStatus()).isEqualTo(405);
        assertThat(r.getHeaders().get(HttpHeader.ALLOW)).isEqualTo("GET, HEAD");
    }

    @Test
    void traversalIsRefused() throws Exception {
        assertThat(rawStatus("/a/../etc/passwd")).isEqualTo(400);
        assertThat(rawStatus("/a/%2e%2e/etc")).isEqualTo(400);
        assertThat(rawStatus("/../../etc/passwd")).isEqualTo(400);
    }

    @Test
    void emptySegmentsReachThePageButEncodedSlashesAndDotsDoNot() throws Exception {
        f.page("/blog/post", "post", Map.of());
        assertThat(rawStatus("/blog//post")).isEqualTo(200);
        assertThat(rawStatus("//blog/post")).isEqualTo(200);
        assertThat(rawStatus("/blog%2Fpost")).isEqualTo(400);
        assertThat(rawStatus("/blog/%2e%2e/blog/post")).isEqualTo(400);
    }

    // A raw request, so no client library normalises the path first.
    private int rawStatus(String path) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.edge.port())) {
            OutputStream out = s.getOutputStream();
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + EdgeFixture.HOST + "\r\nConnection: close\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
