package dev.sluice.it;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One pusher thread of {@link CrashDurabilityIT}: sends JSON content and multipart files, a quarter of
 * them overwriting one of its own earlier paths, and records each acknowledgement in the ledger. It
 * stops at the first failure; a failure before the kill is recorded as a defect.
 */
final class Pusher implements Runnable {

    /** What the pushers of one round share. */
    static final class Shared {
        final QuantApi api;
        final PushLedger ledger;
        final AtomicInteger acks;
        final int killAfter;
        final CompletableFuture<Void> killNow;
        final Queue<String> failuresBeforeKill = new ConcurrentLinkedQueue<>();
        volatile boolean killed;

        Shared(QuantApi api, PushLedger ledger, AtomicInteger acks, int killAfter, CompletableFuture<Void> killNow) {
            this.api = api;
            this.ledger = ledger;
            this.acks = acks;
            this.killAfter = killAfter;
            this.killNow = killNow;
        }
    }

    private final Shared shared;
    private final int round;
    private final int thread;
    private final Random random;
    private final int pushes;
    private final List<PushLedger.Entry> mine = new ArrayList<>();

    Pusher(Shared shared, int round, int thread, Random random, int pushes) {
        this.shared = shared;
        this.round = round;
        this.thread = thread;
        this.random = random;
        this.pushes = pushes;
    }

    @Override
    public void run() {
        for (int k = 0; k < pushes && !shared.killed; k++) {
            PushLedger.Entry entry = next(k);
            byte[] body = body(entry.file, k);
            PushLedger.sending(entry, body);
            String failure = push(entry, body);
            if (failure != null) {
                if (!shared.killed) {
                    shared.failuresBeforeKill.add(entry.path + ": " + failure);
                }
                return;
            }
            PushLedger.acknowledged(entry, body);
            if (shared.acks.incrementAndGet() >= shared.killAfter) {
                shared.killNow.complete(null);
            }
        }
    }

    private PushLedger.Entry next(int k) {
        if (!mine.isEmpty() && random.nextInt(4) == 0) {
            return mine.get(random.nextInt(mine.size()));
        }
        boolean file = random.nextBoolean();
        String path = "/crash/r%d/t%d/%s%d%s".formatted(round, thread, file ? "f" : "p", k, file ? ".bin" : "");
        PushLedger.Entry entry = shared.ledger.entry(path, file);
        mine.add(entry);
        return entry;
    }

    private byte[] body(boolean file, int k) {
        if (file) {
            byte[] bytes = new byte[1 + random.nextInt(300_000)];
            random.nextBytes(bytes);
            return bytes;
        }
        StringBuilder html = new StringBuilder("<html><body><h1>r%d t%d k%d</h1>".formatted(round, thread, k));
        int n = random.nextInt(2000);
        for (int i = 0; i < n; i++) {
            html.append("<p>").append(random.nextLong()).append(" é</p>");
        }
        return CrashDurabilityIT.utf8(html.append("</body></html>").toString());
    }

    /** Null when acknowledged (200 without an error flag), else what went wrong. */
    private @Nullable String push(PushLedger.Entry entry, byte[] body) {
        try {
            Reply r = entry.file
                    ? shared.api.file(entry.path, "blob.bin", body)
                    : shared.api.content(entry.path, new String(body, java.nio.charset.StandardCharsets.UTF_8));
            boolean error = r.status() == 200 && r.json().path("error").asBoolean(false);
            return r.status() == 200 && !error ? null : r.toString();
        } catch (UncheckedIOException | AssertionError e) {
            return e.toString();
        }
    }
}
