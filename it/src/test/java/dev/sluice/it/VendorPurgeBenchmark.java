package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many purge requests per second each dialect sustains on one whole node over loopback HTTP, and
 * the time from a request to its task being finished (on one node the task is finished when the
 * reply is sent; CDN Pro's status is read back to prove it). {@value #REQUESTS} requests per
 * dialect from {@value #CLIENTS} concurrent clients, spread over enough users that the vendors'
 * per-user rate limits and daily quotas do not decide. Prints a table and checks every request was
 * accepted. A benchmark, not a test: its name keeps it out of the suite (speed is never asserted);
 * run it with {@code ./mvnw -q -B -pl it test -Dtest=VendorPurgeBenchmark}.
 */
class VendorPurgeBenchmark {

    private static final int REQUESTS = 1500;
    private static final int CLIENTS = 16;
    private static final int USERS = 200;
    private static final SiteSpec SITE = new SiteSpec("bench", "www", "www.bench.test", "bench-token");

    @TempDir
    static Path tmp;

    private static RunningNode node;

    @BeforeAll
    static void start() {
        StringBuilder pro = new StringBuilder();
        StringBuilder qtl = new StringBuilder();
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            String sep = i == 0 ? "" : ", ";
            pro.append(sep)
                    .append("{ user: pro")
                    .append(i)
                    .append(", key: k")
                    .append(i)
                    .append(" }");
            qtl.append(sep)
                    .append("{ user: qtl")
                    .append(i)
                    .append(", key: k")
                    .append(i)
                    .append(" }");
            five.append(sep).append("{ key: five").append(i).append(" }");
        }
        NodeConfig config = NodeConfig.of(tmp.resolve("data"))
                .site(SITE)
                .siteYaml(SITE, "zone: 7")
                .tenant(
                        "bench",
                        "credentials: { cdnpro: [%s], quantil: [%s], fivecents: [%s] }".formatted(pro, qtl, five))
                .tenant(
                        "bench",
                        "quotas: { cdnproFileUrlsPerDay: 1000000, cdnproDirUrlsPerDay: 1000000,"
                                + " quantilFileUrlsPerDay: 1000000, quantilDirUrlsPerDay: 1000000 }");
        node = InProcessNode.start(config.write(tmp));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Reply cdnpro(int i) {
        Signer who = new Signer("pro" + (i % USERS), "k" + (i % USERS));
        String date = Signer.now();
        Reply created = Http.send(Http.request(URI.create(node.api() + "/cdn/purges"))
                .header("Date", date)
                .header("Authorization", who.authorization(date))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(
                        "{\"target\":\"production\",\"action\":\"delete\",\"fileUrls\":[\"http://www.bench.test/p/" + i
                                + "\"]}"))
                .build());
        if (created.status() != 201) {
            return created;
        }
        return Http.send(Http.request(URI.create(node.api() + created.header("Location")))
                .header("Date", date)
                .header("Authorization", who.authorization(date))
                .GET()
                .build());
    }

    private static Reply quantil(int i) {
        Signer who = new Signer("qtl" + (i % USERS), "k" + (i % USERS));
        String date = Signer.now();
        return Http.send(Http.request(URI.create(node.api() + "/api/purge"))
                .header("Date", date)
                .header("Authorization", who.authorization(date))
                .POST(BodyPublishers.ofString(
                        "<purge-urls><file-url>http://www.bench.test/q/" + i + "</file-url></purge-urls>"))
                .build());
    }

    private static Reply fivecents(int i) {
        return Http.send(Http.request(URI.create(node.api() + "/v2/zones/http/push/7/restore?delete=true"))
                .header("X-API-Key", "five" + (i % USERS))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"files\":[\"/f/" + i + "\"]}"))
                .build());
    }

    private static Reply quant(int i) {
        return Http.send(QuantApi.of(node, SITE)
                .request("/purge")
                .header("Quant-Url", "/u/" + i)
                .POST(BodyPublishers.noBody())
                .build());
    }

    @Test
    void purgeRequestsPerSecondAndTimeToFinishedPerDialect() throws Exception {
        System.out.printf("%-10s %8s %10s %10s %10s%n", "dialect", "req/s", "p50 ms", "p99 ms", "max ms");
        run("cdnpro", VendorPurgeBenchmark::cdnpro, r -> r.text().contains("\"status\":\"finished\""));
        run("quantil", VendorPurgeBenchmark::quantil, r -> r.status() == 202);
        run("fivecents", VendorPurgeBenchmark::fivecents, r -> r.status() == 200);
        run("quant", VendorPurgeBenchmark::quant, r -> r.status() == 200);
    }

    private static void run(String dialect, IntFunction<Reply> send, java.util.function.Predicate<Reply> finished)
            throws Exception {
        for (int i = 0; i < 100; i++) { // warm-up
            var _ = send.apply(REQUESTS + i);
        }
        long[] micros = new long[REQUESTS];
        AtomicInteger next = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        Reply r = send.apply(i);
                        micros[i] = (System.nanoTime() - t0) / 1000;
                        if (!finished.test(r)) {
                            synchronized (failures) {
                                failures.add(r.toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        double perSecond = REQUESTS / (took.toNanos() / 1e9);
        Arrays.sort(micros);
        System.out.printf(
                "%-10s %8.0f %10.2f %10.2f %10.2f%n",
                dialect,
                perSecond,
                micros[REQUESTS / 2] / 1000.0,
                micros[REQUESTS * 99 / 100] / 1000.0,
                micros[REQUESTS - 1] / 1000.0);
        assertThat(failures).as(dialect).isEmpty();
    }
}
