package dev.sluice.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code @quantcdn/quant-cli@1.12.0}, installed with npm under {@code target/quant-cli} on
 * first use, run with {@code node} in a working directory that holds its {@code quant.json}.
 *
 * <p>1.12.0 needs {@code glob} but does not declare it; without it every command exits 0 silently
 * (spec §1.17), so {@code glob@7} is installed beside it and put on {@code NODE_PATH}, and
 * {@link #install} checks that {@code --version} really prints the version. Exit codes are weak
 * evidence with this client (its crawl module swallows uncaught errors), so tests assert on output.
 */
final class QuantCli {

    static final String VERSION = "1.12.0";
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path PREFIX = TARGET.resolve("quant-cli");
    private static final Path CLI = PREFIX.resolve("node_modules/@quantcdn/quant-cli/cli.js");

    private final Path workDir;

    /** What one command printed (stdout and stderr together) and its exit code. */
    record Result(int exit, String output) {}

    private QuantCli(Path workDir) {
        this.workDir = workDir;
    }

    /** Installs the client if needed and writes {@code quant.json} for the site into {@code workDir}. */
    static QuantCli configure(Path workDir, URI api, SiteSpec site) {
        install();
        String json = """
                {"dir": "build", "endpoint": "%s", "clientid": "%s", "project": "%s", "token": "%s"}
                """.formatted(api, site.tenant(), site.site(), site.token());
        try {
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("quant.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuantCli(workDir);
    }

    static synchronized void install() {
        if (!Files.exists(CLI)) {
            exec(
                    TARGET,
                    600,
                    List.of(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            PREFIX.toString(),
                            "@quantcdn/quant-cli@" + VERSION,
                            "glob@7"));
        }
        Result version = exec(TARGET, 60, command(List.of("--version")));
        if (!version.output().strip().equals(VERSION)) {
            throw new IllegalStateException(
                    "quant --version printed '" + version.output() + "' (expected: " + VERSION + ")");
        }
    }

    /** Runs {@code quant <args>}; fails the test if it runs longer than {@code timeoutSeconds}. */
    Result run(long timeoutSeconds, String... args) {
        Result r = exec(workDir, timeoutSeconds, command(List.of(args)));
        System.out.printf("$ quant %s%n%s%n", String.join(" ", args), r.output());
        return r;
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of("node", CLI.toString()));
        command.addAll(args);
        return command;
    }

    private static Result exec(Path dir, long timeoutSeconds, List<String> command) {
        try {
            Path out = Files.createTempFile("quant-cli", ".out");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().put("NODE_PATH", PREFIX.resolve("node_modules").toString());
            pb.environment().put("NO_COLOR", "1");
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(
                        command + " ran longer than " + timeoutSeconds + " s: " + Files.readString(out));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
