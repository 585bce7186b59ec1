package dev.sluice.edge;

import static dev.sluice.edge.EdgeFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files above the cacheable size are streamed from the blob store, with ranges, and never cached. */
class EdgeLargeFileTest {

    @TempDir
    Path dir;

    private EdgeFixture f;
    private final byte[] video = new byte[300_000];

    @BeforeEach
    void start() throws Exception {
        f = new EdgeFixture(dir, EdgeConfig.defaults().withMaxCacheableBytes(100_000));
        long seed = System.nanoTime();
        System.out.println("EdgeLargeFileTest seed " + seed);
        new Random(seed).nextBytes(video);
        f.file("/media/clip.mp4", video, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void streamsTheWholeFileUncached() throws Exception {
        ContentResponse r = f.get("/media/clip.mp4");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).isEqualTo(video);
        assertThat(r.getHeaders().get(HttpHeader.CONTENT_TYPE)).isEqualTo("video/mp4");
        assertThat(cacheStatus(r)).isEqualTo("Sluice; fwd=uri-miss; detail=too-large");
        assertThat(cacheStatus(f.get("/media/clip.mp4"))).isEqualTo("Sluice; fwd=uri-miss; detail=too-large");
        assertThat(f.cache.size()).isZero();
    }

    @Test
    void servesRangesOfIt() throws Exception {
        ContentResponse r = f.get("/media/clip.mp4", "Range", "bytes=150000-150099");
        assertThat(r.getStatus()).isEqualTo(206);
        assertThat(r.getHeaders().get(HttpHeader.CONTENT_RANGE)).isEqualTo("bytes 150000-150099/300000");
        assertThat(r.getContent()).isEqualTo(Arrays.copyOfRange(video, 150_000, 150_100));
        ContentResponse tail = f.get("/media/clip.mp4", "Range", "bytes=299990-");
        assertThat(tail.getContent()).isEqualTo(Arrays.copyOfRange(video, 299_990, 300_000));
        assertThat(f.get("/media/clip.mp4", "Range", "bytes=300000-").getStatus())
                .isEqualTo(416);
    }

    @Test
    void answersHeadAndConditionalsWithoutTheBody() throws Exception {
        ContentResponse head = f.request("HEAD", "/media/clip.mp4").send();
        assertThat(head.getHeaders().get(HttpHeader.CONTENT_LENGTH)).isEqualTo("300000");
        assertThat(head.getContent()).isEmpty();
        String etag = head.getHeaders().get(HttpHeader.ETAG);
        assertThat(f.get("/media/clip.mp4", "If-None-Match", etag).getStatus()).isEqualTo(304);
    }
}
