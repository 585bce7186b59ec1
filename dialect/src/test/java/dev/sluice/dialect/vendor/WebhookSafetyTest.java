package dev.sluice.dialect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.control.webhook.Webhook;
import dev.sluice.dialect.WireResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CDN Pro webhooks may not point into the node's network, nor outnumber the per-tenant limit. */
class WebhookSafetyTest {

    private final VendorFixture f = new VendorFixture(false);

    @AfterEach
    void close() {
        f.close();
    }

    private WireResponse pro(String method, String path, String body) {
        return f.cdnpro.handle(f.signed(method, path, "acme-pro", "acme-key", body, Map.of()));
    }

    private static String hook(String url) {
        return "{\"name\":\"n\",\"url\":\"%s\"}".formatted(url);
    }

    @Test
    void internalUrlsAreRefusedOnCreateAndPatch() {
        for (String url : List.of(
                "http://127.0.0.1:8081/v1/purge",
                "http://169.254.169.254/latest/meta-data/",
                "https://10.0.0.7/hook",
                "http://[::1]:8081/",
                "http://[fd00::1]/",
                "http://localhost/hook",
                "http:///nohost")) {
            WireResponse reply = pro("POST", "/webhooks", hook(url));
            assertThat(reply.status()).as(url).isEqualTo(400);
            assertThat(reply.bodyText()).as(url).contains("\"code\":\"InvalidURL\"");
        }
        assertThat(f.webhooks.list("acme")).isEmpty();

        WireResponse created = pro("POST", "/webhooks", hook("http://receiver.invalid/hook"));
        assertThat(created.status()).as("an unresolvable name is accepted").isEqualTo(201);
        String id = f.webhooks.list("acme").getFirst().id();
        WireResponse patched = pro("PATCH", "/webhooks/" + id, "{\"url\":\"http://192.168.0.1/\"}");
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.bodyText()).contains("\"code\":\"InvalidURL\"");
        assertThat(f.webhooks.list("acme")).extracting(Webhook::url).containsExactly("http://receiver.invalid/hook");
    }

    @Test
    void concurrentCreatesNeverExceedTheLimit() throws Exception {
        int attempts = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < attempts; i++) {
                String body = hook("http://receiver-%d.invalid/".formatted(i));
                replies.add(pool.submit(() -> {
                    start.await();
                    return pro("POST", "/webhooks", body).status();
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Integer> reply : replies) {
                created += reply.get() == 201 ? 1 : 0;
            }
            assertThat(created).isEqualTo(20);
        }
        assertThat(f.webhooks.list("acme")).hasSize(20);
    }
}
