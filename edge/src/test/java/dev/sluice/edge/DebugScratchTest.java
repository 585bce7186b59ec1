package dev.sluice.edge;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugScratchTest {
    @TempDir
    Path dir;

    @Test
    void debug() throws Exception {
        try (EdgeFixture f = new EdgeFixture(dir)) {
            f.redirect("/old", "/new", 301);
            System.out.println("PUB " + f.store.contentReader().published(EdgeFixture.SITE, "/old"));
            f.page("/big", "<p>Sluice serves this page.</p>\n".repeat(100), Map.of());
            System.out.println("PUB " + f.store.contentReader().published(EdgeFixture.SITE, "/big"));
            var r = f.get("/big", "Accept-Encoding", "br, gzip;q=0.8");
            System.out.println(
                    "HDR " + r.getHeaders() + " REQ " + r.getRequest().getHeaders());
        }
    }
}
