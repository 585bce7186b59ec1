package dev.sluice.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sluice serve --config FILE} in a child JVM, for tests that need a real crash.
 *
 * <p>Readiness is a condition, not a delay: a reader thread copies the child's output to
 * {@code log} and completes {@link #ready} on the {@code Sluice ready} line, after the
 * {@code Edge listening on} and {@code API listening on} lines gave the ephemeral ports. If the
 * child exits first, {@code ready} fails with the log's path. The child is stopped only through
 * its own {@link Process} handle (its PID): {@link #kill()} is SIGKILL, {@link #close()} SIGTERM.
 */
final class SluiceProcess implements RunningNode {

    private static final Pattern EDGE = Pattern.compile("Edge listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern API = Pattern.compile("API listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final long READY_SECONDS = 90;

    private final Process process;
    private final Path log;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile URI edge = URI.create("http://127.0.0.1:0");
    private volatile URI api = URI.create("http://127.0.0.1:0");

    private SluiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the child and returns once it logged {@code Sluice ready}. */
    static SluiceProcess start(Path yaml, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sluice.server.Main",
                "serve",
                "--config",
                yaml.toString());
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            SluiceProcess node = new SluiceProcess(process, log);
            Thread.ofPlatform().daemon().name("sluice-child-log").start(node::pump);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        try {
            ready.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("sluice did not become ready; log: " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting sluice", e);
        }
    }

    private void pump() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line + "\n");
                out.flush();
                onLine(line);
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("sluice exited before it was ready; log: " + log));
    }

    private final List<String> lines = new java.util.ArrayList<>();

    /** Waits until the process has printed a line containing the text; fails past the timeout. */
    synchronized void awaitLine(String text, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().noneMatch(l -> l.contains(text))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no line with '%s' within %s; last lines: %s"
                        .formatted(text, timeout, lines.subList(Math.max(0, lines.size() - 8), lines.size())));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized void remember(String line) {
        lines.add(line);
        notifyAll();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once stopped: 143 after SIGTERM (hooks ran), 137 after SIGKILL. */
    int exitValue() {
        return process.exitValue();
    }

    private void onLine(String line) {
        remember(line);
        Matcher e = EDGE.matcher(line);
        if (e.find()) {
            edge = URI.create(e.group(1));
        }
        Matcher a = API.matcher(line);
        if (a.find()) {
            api = URI.create(a.group(1));
        }
        if (line.contains("Sluice ready")) {
            ready.complete(null);
        }
    }

    @Override
    public URI edge() {
        return edge;
    }

    @Override
    public URI api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, like a power cut for the process: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM and wait; SIGKILL if it does not stop within 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        // Through the handle: Process.destroy() also closes our end of its output, losing the
        // lines the shutdown hook prints.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
