package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 durability: pushers send JSON content and multipart files through {@code /v1}; at a seeded
 * moment (after a seeded number of acknowledgements, never a timer) the node gets SIGKILL; after a
 * restart on the same data directory every acknowledged push must be in global-meta and the
 * revisions API with its MD5, and served byte for byte by the edge; an unacknowledged push is
 * either absent or complete. Meanwhile a CDN Pro client submits purge tasks; after the restart every
 * acknowledged task is there and finished, and no task of any round is left waiting or in progress.
 * Several rounds, each on top of the previous ones' data. This class runs on the embedded store;
 * {@code PostgresCrashDurabilityIT} runs it on PostgreSQL.
 */
class CrashDurabilityIT {

    private static final int ROUNDS = 3;
    private static final int THREADS = 4;
    private static final int PUSHES_PER_THREAD = 60;

    @TempDir
    Path tmp;

    static final Signer PRO = new Signer("acme-pro", "acme-pro-key");

    private final PushLedger ledger = new PushLedger();
    private final List<String> acknowledgedTasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> refusedTasks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The node's configuration: the store under test, the site, a CDN Pro user. */
    NodeConfig config() {
        return NodeConfig.of(tmp.resolve("data"))
                .site(SiteSpec.ACME)
                .tenant("acme", "credentials: { cdnpro: [{ user: %s, key: %s }] }".formatted(PRO.user(), PRO.key()))
                .tenant("acme", "quotas: { cdnproFileUrlsPerDay: 1000000, cdnproDirUrlsPerDay: 1000000 }");
    }

    @Test
    void acknowledgedPushesSurviveSigkill() throws Exception {
        long seed = Long.getLong("sluice.seed", System.nanoTime());
        System.out.println("CrashDurabilityIT seed: " + seed + " (rerun with -Dsluice.seed=" + seed + ")");
        Random random = new Random(seed);
        Path yaml = config().write(tmp);
        for (int round = 1; round <= ROUNDS; round++) {
            SluiceProcess node = SluiceProcess.start(yaml, tmp.resolve("node-" + round + ".log"));
            verify(node, round - 1);
            int killAfter = 5 + random.nextInt(THREADS * PUSHES_PER_THREAD - 10);
            System.out.printf("round %d: pid %d, SIGKILL after %d acknowledged pushes%n", round, node.pid(), killAfter);
            pushUntilKilled(node, round, seed, killAfter);
        }
        try (SluiceProcess node = SluiceProcess.start(yaml, tmp.resolve("node-final.log"))) {
            verify(node, ROUNDS);
        }
        assertThat(integrityCheck())
                .as("the store's own integrity check after the kills")
                .isEqualTo("ok");
        assertThat(ledger.ackedCount()).isGreaterThan(ROUNDS * 5L);
        assertThat(acknowledgedTasks)
                .as("purge tasks acknowledged before the kills")
                .isNotEmpty();
    }

    private void pushUntilKilled(SluiceProcess node, int round, long seed, int killAfter) throws Exception {
        AtomicInteger acks = new AtomicInteger();
        CompletableFuture<Void> killNow = new CompletableFuture<>();
        Pusher.Shared shared = new Pusher.Shared(QuantApi.of(node, SiteSpec.ACME), ledger, acks, killAfter, killNow);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        List<Future<?>> pushers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            pushers.add(pool.submit(
                    new Pusher(shared, round, t, new Random(seed * 31 + round * 7L + t), PUSHES_PER_THREAD)));
        }
        java.util.concurrent.atomic.AtomicBoolean stopPurging = new java.util.concurrent.atomic.AtomicBoolean();
        Future<?> purger = pool.submit(() -> purgeUntilStopped(node, round, stopPurging));
        CompletableFuture<Void> allDone = CompletableFuture.runAsync(() -> pushers.forEach(CrashDurabilityIT::join));
        CompletableFuture.anyOf(killNow, allDone).get();
        shared.killed = true;
        stopPurging.set(true);
        node.kill();
        pool.shutdown();
        pushers.forEach(CrashDurabilityIT::join);
        join(purger);
        assertThat(refusedTasks).as("purge tasks refused before the kill").isEmpty();
        assertThat(shared.failuresBeforeKill)
                .as("pushes refused before the kill")
                .isEmpty();
        System.out.printf(
                "round %d: %d pushes acknowledged before SIGKILL, %d cut off in flight%n",
                round, acks.get(), ledger.inFlightCount());
    }

    /** SQLite's {@code PRAGMA integrity_check} on the stopped node's database. */
    String integrityCheck() throws java.sql.SQLException {
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/sluice.db"));
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** CDN Pro tasks of 10 URLs each, one after another, until the node is killed. */
    private void purgeUntilStopped(RunningNode node, int round, java.util.concurrent.atomic.AtomicBoolean stop) {
        for (int i = 0; !stop.get() && i < 10_000; i++) {
            StringBuilder urls = new StringBuilder();
            for (int u = 0; u < 10; u++) {
                urls.append(u == 0 ? "" : ",").append("\"http://docs.acme.test/r%d/t%d/%d\"".formatted(round, i, u));
            }
            Reply created;
            try {
                created = VendorNode.pro(
                        node,
                        PRO,
                        "POST",
                        "/cdn/purges",
                        "{\"target\":\"production\",\"fileUrls\":[%s]}".formatted(urls));
            } catch (RuntimeException e) {
                return; // the node was killed mid-request: not acknowledged
            }
            if (created.status() == 201) {
                acknowledgedTasks.add(VendorNode.taskId(created));
            } else if (!stop.get()) {
                refusedTasks.add(created.toString());
            }
        }
    }

    private void verifyTasks(RunningNode node) {
        SoftAssertions soft = new SoftAssertions();
        for (String id : acknowledgedTasks) {
            Reply status = VendorNode.pro(node, PRO, "GET", "/cdn/purges/" + id, "");
            soft.assertThat(status.status()).as("task %s after the kill", id).isEqualTo(200);
            soft.assertThat(status.json().path("status").asText())
                    .as("task %s", id)
                    .isEqualTo("finished");
        }
        soft.assertAll();
    }

    private void verify(RunningNode node, int roundsDone) {
        verifyTasks(node);
        QuantApi api = QuantApi.of(node, SiteSpec.ACME);
        EdgeClient edge = EdgeClient.of(node, SiteSpec.ACME);
        Map<String, String> published = publishedMd5s(api);
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, PushLedger.Entry> e : ledger.all()) {
            PushLedger.Entry entry = e.getValue();
            Reply served = edge.get(entry.path);
            List<byte[]> allowed = entry.allowed();
            if (served.status() == 404 && entry.mayBeAbsent()) {
                soft.assertThat(published)
                        .as("global-meta of absent %s", entry.path)
                        .doesNotContainKey(entry.path);
                continue;
            }
            soft.assertThat(served.status())
                    .as("status of %s after %d rounds", entry.path, roundsDone)
                    .isEqualTo(200);
            boolean whole = allowed.stream().anyMatch(b -> java.util.Arrays.equals(b, served.body()));
            soft.assertThat(whole)
                    .as(
                            "%s serves an acknowledged or complete body (%d bytes served)",
                            entry.path, served.body().length)
                    .isTrue();
            soft.assertThat(published.get(entry.path))
                    .as("global-meta md5 of %s", entry.path)
                    .isEqualTo(md5(served.body()));
            soft.assertThat(api.publishedRevision(entry.path).json().path("md5").asText())
                    .as("revision md5 of %s", entry.path)
                    .isEqualTo(md5(served.body()));
            PushLedger.settle(entry, served.status() == 200 ? served.body() : null);
        }
        soft.assertAll();
        System.out.printf(
                "after %d rounds: %d paths verified%n", roundsDone, ledger.all().size());
    }

    private static Map<String, String> publishedMd5s(QuantApi api) {
        Map<String, String> md5s = new java.util.HashMap<>();
        JsonNode meta = api.globalMeta(1).json().path("global_meta");
        int pages = meta.path("total_pages").asInt(1);
        for (int page = 1; page <= pages; page++) {
            JsonNode records = (page == 1 ? meta : api.globalMeta(page).json().path("global_meta")).path("records");
            records.forEach(r -> md5s.put(
                    r.path("meta").path("url").asText(),
                    r.path("meta").path("md5").asText()));
        }
        return md5s;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("pusher failed", e.getCause());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
