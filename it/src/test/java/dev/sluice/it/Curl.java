package dev.sluice.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code curl} binary, run with a vendor document's own arguments, in a working directory. */
record Curl(Path dir) {

    /** The status code and body of one curl call. */
    record Result(int status, String body) {}

    Result run(String... args) {
        try {
            Path out = Files.createTempFile(dir, "curl", ".body");
            List<String> command = new ArrayList<>(
                    List.of("curl", "-sS", "--max-time", "30", "-o", out.toString(), "-w", "%{http_code}"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("curl ran longer than 60 s: " + command);
            }
            String code = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || !code.matches("\\d{3}")) {
                throw new AssertionError("curl failed (" + p.exitValue() + "): " + code + " " + command);
            }
            Result r = new Result(Integer.parseInt(code), Files.readString(out, StandardCharsets.UTF_8));
            System.out.printf("$ curl %s%n-> %d %s%n", String.join(" ", args), r.status(), r.body());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
