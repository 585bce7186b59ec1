package dev.sluice.edge;

import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.content.ContentPush;
import dev.sluice.content.EntryType;
import dev.sluice.core.Clock;
import dev.sluice.core.SiteId;
import dev.sluice.persistence.EmbeddedStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts a real edge with one 1 KiB page for load tests (wrk) and runs until stdin closes. Not a
 * test: run it from the test classpath, e.g. {@code java -cp ... dev.sluice.edge.EdgeBenchHarness 8099}.
 */
public final class EdgeBenchHarness {

    private EdgeBenchHarness() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path dir = Files.createTempDirectory("sluice-bench");
        SiteId site = new SiteId("bench", "www");
        try (EmbeddedStore store = EmbeddedStore.open(dir, Clock.system(), 1L << 30)) {
            byte[] page = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
            store.contentService()
                    .push(
                            site,
                            new ContentPush(
                                    EntryType.FILE,
                                    "/page",
                                    true,
                                    new ByteArrayInputStream(page),
                                    Map.of("content-type", "application/octet-stream"),
                                    Map.of(),
                                    null,
                                    0,
                                    null,
                                    null,
                                    null,
                                    null));
            SiteDirectory sites = SiteDirectory.of(List.of(new EdgeSite(site, Set.of("bench.test"))));
            EdgeConfig config = EdgeConfig.defaults().withListen("127.0.0.1", port);
            MemoryCacheStore cache = new MemoryCacheStore(Clock.system(), 256L << 20);
            try (EdgeServer edge = new EdgeServer(
                    config, sites, cache, store.contentReader(), new SimpleMeterRegistry(), Clock.system())) {
                edge.start();
                System.out.println("edge listening on " + edge.port());
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }
}
