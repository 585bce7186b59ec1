package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again under load, Sluice left running: while the database is down
 * every push answers 503 with Retry-After (never 500, never a false 200); once it is back pushes
 * succeed again without a restart; every acknowledged push is served afterwards. The outage starts
 * after a number of acknowledgements and ends after a number of 503s (no timers).
 */
class PostgresOutageTest {

    private static final int THREADS = 4;
    private static final int PUSHES_PER_THREAD = 150;

    @TempDir
    Path dir;

    @Test
    void writesAnswer503WhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path yaml = NodeConfig.of(dir.resolve("data"))
                    .site(SiteSpec.ACME)
                    .store("{ kind: postgres, url: \"%s\", user: %s, connectTimeout: 1s }"
                            .formatted(pg.createDatabase(), pg.user()))
                    .write(dir);
            try (InProcessNode node = InProcessNode.start(yaml)) {
                QuantApi api = QuantApi.of(node, SiteSpec.ACME);
                Map<String, String> acked = new ConcurrentHashMap<>();
                List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
                AtomicInteger unavailable = new AtomicInteger();
                List<Future<?>> pushers = new ArrayList<>();
                try (ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1)) {
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        pushers.add(pool.submit(() -> {
                            for (int i = 0; i < PUSHES_PER_THREAD; i++) {
                                String path = "/t%d/p%d".formatted(thread, i);
                                String body = "<p>%s</p>".formatted(path);
                                Reply r = api.content(path, body);
                                if (r.status() == 200) {
                                    acked.put(path, body);
                                } else if (r.status() == 503
                                        && r.header("Retry-After").equals("2")) {
                                    unavailable.incrementAndGet();
                                } else {
                                    wrong.add(path + ": " + r);
                                }
                            }
                            return null;
                        }));
                    }
                    Future<?> outage = pool.submit(() -> {
                        waitFor(() -> acked.size() >= 40);
                        pg.stop();
                        waitFor(() -> unavailable.get() >= 20);
                        pg.restart();
                        return null;
                    });
                    outage.get(120, TimeUnit.SECONDS);
                    for (Future<?> p : pushers) {
                        p.get(120, TimeUnit.SECONDS);
                    }
                }
                assertThat(wrong)
                        .as("answers other than 200 or 503 with Retry-After")
                        .isEmpty();
                assertThat(unavailable.get()).isGreaterThanOrEqualTo(20);
                assertThat(PostgresStoreNodeTest.untilNot503(() -> api.content("/after", "<p>after</p>"))
                                .status())
                        .isEqualTo(200);
                EdgeClient edge = EdgeClient.of(node, SiteSpec.ACME);
                SoftAssertions soft = new SoftAssertions();
                acked.forEach((path, body) ->
                        soft.assertThat(edge.get(path).text()).as(path).isEqualTo(body));
                soft.assertAll();
            }
        }
    }

    /** Polls until the condition holds, for at most a minute (pushers drive it; no timers). */
    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within a minute");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
