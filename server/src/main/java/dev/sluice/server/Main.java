package dev.sluice.server;

import ch.qos.logback.classic.LoggerContext;
import dev.sluice.core.SluiceException;
import dev.sluice.server.config.ConfigException;
import dev.sluice.server.config.ConfigLoader;
import dev.sluice.server.config.SluiceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code sluice} command line. */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        version = "sluice 0.1.0",
        description = "A self-hosted CDN.",
        subcommands = {Main.Serve.class, Main.HashToken.class})
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        flushLogs();
        System.exit(code);
    }

    /** Writes out what the asynchronous log appender still holds; logging ends here. */
    static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    /** Starts a node and runs until SIGTERM or SIGINT. */
    @Command(name = "serve", description = "Run the edge and the management API.")
    static final class Serve implements Callable<Integer> {

        @Option(
                names = "--config",
                description = "YAML configuration file (default: ./sluice.yaml if present, else built-in defaults).")
        @Nullable
        Path config;

        @Override
        public Integer call() throws Exception {
            Path file = config;
            if (file == null && Files.exists(Path.of("sluice.yaml"))) {
                file = Path.of("sluice.yaml");
            }
            SluiceConfig loaded;
            try {
                loaded = new ConfigLoader().load(file, System.getenv());
            } catch (ConfigException e) {
                System.err.println("sluice: " + e.getMessage());
                return 2;
            }
            SluiceNode node;
            try {
                node = SluiceNode.start(loaded);
            } catch (SluiceException | IOException | IllegalArgumentException e) {
                System.err.println("sluice: cannot start: " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                log.info("Shutting down");
                                node.close();
                                log.info("Stopped");
                                flushLogs();
                                stopped.countDown();
                            },
                            "sluice-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /** Prints the {@code sha256:} form of a token, to keep only its hash in the configuration. */
    @Command(name = "hash-token", description = "Print the sha256: form of a token for the config file.")
    static final class HashToken implements Callable<Integer> {

        @Parameters(index = "0", description = "The token.")
        String token = "";

        @Override
        public Integer call() throws NoSuchAlgorithmException {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            System.out.println("sha256:" + HexFormat.of().formatHex(digest));
            return 0;
        }
    }
}
