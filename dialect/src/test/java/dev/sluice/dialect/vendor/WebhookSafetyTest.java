package dev.sluice.dialect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.control.DateSignature;
import dev.sluice.control.KeyedRateLimiter;
import dev.sluice.control.RateLimit;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.dialect.WireResponse;
import dev.sluice.dialect.cdnpro.CdnProApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
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
    void twoCreatesRacingForTheLastSlotMakeTwenty() throws Exception {
        for (int i = 0; i < 19; i++) {
            f.webhooks.save(new Webhook("h" + i, "acme", "n", "", "http://r.invalid/", null, null, f.clock.instant()));
        }
        // Both creates count together when nothing serialises them: the race made certain.
        CyclicBarrier bothCounted = new CyclicBarrier(2);
        CdnProApi racing = new CdnProApi(
                f.sites,
                f.credentials,
                new DateSignature(f.clock),
                new KeyedRateLimiter(f.clock, new RateLimit(300, Duration.ofMinutes(5))),
                f.tasks,
                t -> f.quotas,
                f.ledger,
                new CountingTogether(f.webhooks, bothCounted),
                f.sender,
                f.clock,
                false);
        List<Future<Integer>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                String body = hook("http://receiver-%d.invalid/".formatted(i));
                replies.add(pool.submit(
                        () -> racing.handle(f.signed("POST", "/webhooks", "acme-pro", "acme-key", body, Map.of()))
                                .status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 403);
        }
        assertThat(f.webhooks.list("acme")).hasSize(20);
    }

    /** The real registry, whose list waits (up to a second) for a second concurrent caller. */
    private record CountingTogether(WebhookRegistry registry, CyclicBarrier barrier) implements WebhookRegistry {

        @Override
        public List<Webhook> list(String tenant) {
            List<Webhook> hooks = registry.list(tenant);
            try {
                barrier.await(1, TimeUnit.SECONDS);
            } catch (BrokenBarrierException | TimeoutException e) {
                // Serialised: the other create waits for this one to finish.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return hooks;
        }

        @Override
        public void save(Webhook webhook) {
            registry.save(webhook);
        }

        @Override
        public @Nullable Webhook find(String id) {
            return registry.find(id);
        }

        @Override
        public boolean delete(String id) {
            return registry.delete(id);
        }
    }
}
