package dev.sluice.persistence;

import static dev.sluice.persistence.Pushes.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.content.Entry;
import dev.sluice.content.MetaQuery;
import dev.sluice.content.PushResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** quant-cli deploys with 10 requests in parallel: no push may fail on a busy database. */
class ConcurrentPushTest extends StoreTestBase {

    private static final int THREADS = 10;
    private static final int PUSHES_PER_THREAD = 30;

    @Test
    void tenThreadsPushingAtOnceAllSucceed() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<PushResult>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<PushResult> results = new ArrayList<>();
                    for (int i = 0; i < PUSHES_PER_THREAD; i++) {
                        // Half the pushes hit a path every thread shares, half a path of their own.
                        String url = i % 2 == 0 ? "/shared/" + i : "/t" + thread + "/" + i;
                        results.add(content.push(SITE, content(url, "t" + thread + " i" + i)));
                        reader.published(SITE, "/shared/0");
                    }
                    return results;
                }));
            }
            start.countDown();
            List<PushResult> all = new ArrayList<>();
            for (Future<List<PushResult>> future : futures) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(all).hasSize(THREADS * PUSHES_PER_THREAD);
            assertThat(all).extracting(r -> r.entry().seqNum()).doesNotHaveDuplicates();
        }
        List<Entry> entries = content.globalMeta(SITE, new MetaQuery(null, null, null, 1, 1000, false))
                .entries();
        int shared = PUSHES_PER_THREAD / 2;
        assertThat(entries).hasSize(shared + THREADS * shared);
        assertThat(entries.getLast().seqNum()).isEqualTo(THREADS * PUSHES_PER_THREAD);
        for (int i = 0; i < PUSHES_PER_THREAD; i += 2) {
            Entry entry = content.entry(SITE, "/shared/" + i);
            assertThat(entry.revisionCount()).isEqualTo(THREADS);
            assertThat(content.revisions(SITE, "/shared/" + i)).hasSize(THREADS);
        }
    }
}
