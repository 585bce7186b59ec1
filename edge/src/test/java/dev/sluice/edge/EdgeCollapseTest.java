package dev.sluice.edge;

import static dev.sluice.edge.EdgeFixture.cacheStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent misses for one key make one store read: exactly one reply says it stored. */
class EdgeCollapseTest {

    @TempDir
    Path dir;

    @Test
    void concurrentMissesStoreOnce() throws Exception {
        try (EdgeFixture f = new EdgeFixture(dir);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 5; round++) {
                String path = "/hot-" + round;
                f.page(path, "hot " + round, Map.of());
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<ContentResponse>> replies = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    replies.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await();
                                    return f.get(path);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool));
                }
                go.countDown();
                List<String> statuses = new ArrayList<>();
                for (CompletableFuture<ContentResponse> r : replies) {
                    ContentResponse response = r.get();
                    assertThat(response.getContentAsString()).isEqualTo("hot " + round);
                    statuses.add(cacheStatus(response));
                }
                assertThat(statuses).filteredOn(s -> s.endsWith("stored")).hasSize(1);
                assertThat(statuses)
                        .allMatch(s -> s.startsWith("Sluice; hit") || s.contains("collapsed") || s.endsWith("stored"));
            }
        }
    }
}
