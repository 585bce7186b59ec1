package dev.sluice.testing;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real, throw-away PostgreSQL server for tests: Debian's binaries, a fresh data directory in a
 * temp dir, trust authentication, listening on an ephemeral port of 127.0.0.1 only.
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>Binaries come from {@code /usr/lib/postgresql/<highest version>/bin}. If none are installed,
 *       Debian's {@code postgresql} package is installed once per JVM (a static lock) and once across
 *       JVMs (a file lock on {@code /tmp/sluice-apt.lock}), so parallel Maven forks do not run apt at
 *       the same time. A failed install is remembered and rethrown, not retried per test.
 *   <li>PostgreSQL refuses to run as root. As root, {@code initdb} and {@code postgres} run as the
 *       package's {@code postgres} user through {@code setpriv}, which execs in place (unlike {@code
 *       runuser}, which forks): the PID we hold is the postmaster's, so signals reach it.
 *   <li>The server is started directly, not through {@code pg_ctl}, for the same reason. Its output
 *       goes to {@code postgres.log} in the temp dir; failure messages name that file and quote its
 *       tail.
 *   <li>{@link #stop()} sends SIGINT (fast shutdown) and waits; {@link #kill9()} sends SIGKILL, as a
 *       crash. Both then wait for the postmaster's backends to exit, so {@link #restart()} on the
 *       same data directory and port does not meet their shared memory. Only processes this class
 *       started are signalled.
 *   <li>Waits are polls with deadlines: 30 s for the server to accept connections, 20 s for it to
 *       stop, 15 min for apt.
 * </ul>
 *
 * <p>Tests share one server per JVM through {@link #shared()} and isolate themselves with {@link
 * #createDatabase()}; a server from {@link #start()} belongs to its caller, who closes it.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "sluice";
    private static final String OS_USER = "postgres";
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Path ROOT = Path.of("/");
    private static final Path APT_LOCK = Path.of("/tmp/sluice-apt.lock");
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int BIND_ATTEMPTS = 5;

    private static final Object INSTALL_LOCK = new Object();
    private static @Nullable Path binaries; // guarded by INSTALL_LOCK
    private static @Nullable String installFailure; // guarded by INSTALL_LOCK
    private static @Nullable PostgresServer shared; // guarded by PostgresServer.class

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path log;
    private final boolean asRoot = new UnixSystem().getUid() == 0;
    private final AtomicInteger databases = new AtomicInteger();
    private volatile int port = -1;
    private volatile @Nullable Process process;

    private PostgresServer(Path bin, Path dir) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
    }

    /** Starts a new server on a fresh data directory; the caller closes it. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        PostgresServer server = new PostgresServer(bin, Files.createTempDirectory("sluice-pg"));
        boolean started = false;
        try {
            server.init();
            server.launchOnFreePort();
            started = true;
            return server;
        } finally {
            if (!started) {
                server.close();
            }
        }
    }

    /** The JVM's shared server, started on first use and closed when the JVM exits. Do not close it. */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        PostgresServer server = shared;
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sluice-pg-shutdown"));
            shared = server;
        }
        return server;
    }

    /** Creates a fresh, uniquely named database and returns its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "t" + databases.incrementAndGet();
        try (Connection connection = connect("postgres", Duration.ofSeconds(10));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    /** The JDBC URL of database {@code db} on this server. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    /** The database user, a superuser. */
    public String user() {
        return USER;
    }

    /** The password: empty, as loopback connections are trusted. */
    public String password() {
        return "";
    }

    /** The loopback port the server listens on; it stays the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** The postmaster's PID. */
    public long pid() {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException("postgres: not running (log: " + log + ")");
        }
        return running.pid();
    }

    /** Stops the server with a fast shutdown (SIGINT), forcibly after 20 s. Does nothing if stopped. */
    public void stop() throws IOException, InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> backends = running.descendants().toList();
        if (running.isAlive()) {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(running.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            kill.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        awaitExit(backends);
        process = null;
    }

    /** Kills the server with SIGKILL, as a crash; {@link #restart()} then runs crash recovery. */
    public void kill9() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> backends = running.descendants().toList();
        running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        awaitExit(backends);
        process = null;
    }

    /** Starts the server again on the same data directory and port. */
    public void restart() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("postgres: already running (pid " + pid() + ")");
        }
        if (!launch(port)) {
            throw failure("postgres did not start on port " + port);
        }
    }

    /** Stops the server and deletes its temp dir; failures after the stop go to stderr. */
    @Override
    public void close() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("postgres: could not delete " + dir + ": " + e);
        }
    }

    private void init() throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (asRoot) {
            Files.setOwner(
                    dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER));
        }
        List<String> initdb =
                command("initdb", "-A", "trust", "-U", USER, "--encoding=UTF8", "--locale=C", "-D", data.toString());
        if (run(initdb, dir, log, INITDB_TIMEOUT) != 0) {
            throw failure("initdb failed");
        }
    }

    // Another process may take the port between our probe and postgres's bind: try a few.
    private void launchOnFreePort() throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            int candidate;
            try (ServerSocket probe = new ServerSocket(0)) {
                candidate = probe.getLocalPort();
            }
            if (launch(candidate)) {
                return;
            }
            if (!tail().contains("could not bind")) {
                break;
            }
        }
        throw failure("postgres did not start");
    }

    /** Starts postgres on {@code port}; false if it exited first. Throws if it neither runs nor exits. */
    private boolean launch(int candidate) throws IOException, InterruptedException {
        port = candidate;
        List<String> postgres = command(
                "postgres",
                "-D",
                data.toString(),
                "-p",
                Integer.toString(candidate),
                "-k",
                dir.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=on",
                "-c",
                "max_connections=200",
                "-c",
                "shared_buffers=32MB");
        Process started = new ProcessBuilder(postgres)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process = started;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (started.isAlive()) {
            try (Connection ignored = connect("postgres", Duration.ofSeconds(2))) {
                return true;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw failure("postgres did not accept connections within " + START_TIMEOUT);
                }
                Thread.sleep(50);
            }
        }
        process = null;
        return false;
    }

    private Connection connect(String db, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", Long.toString(timeout.toSeconds()));
        return DriverManager.getConnection(jdbcUrl(db), properties);
    }

    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER, "--init-groups", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + " (log: " + log + "):\n" + tail());
    }

    private String tail() {
        return tail(log);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    // Backends exit on their own once the postmaster is gone; a restart must wait for them to
    // release the shared memory, but they are not ours to signal.
    private static void awaitExit(List<ProcessHandle> handles) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : handles) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    private static int run(List<String> command, Path cwd, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Process started = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        if (!started.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            started.destroyForcibly();
            throw new IllegalStateException(
                    "timed out after " + timeout + ": " + command + " (log: " + output + "):\n" + tail(output));
        }
        return started.exitValue();
    }

    private static Path binaries() throws IOException, InterruptedException {
        synchronized (INSTALL_LOCK) {
            if (binaries != null) {
                return binaries;
            }
            if (installFailure != null) {
                throw new IllegalStateException("an earlier attempt failed: " + installFailure);
            }
            Path found = installed();
            if (found == null) {
                try {
                    found = install();
                } catch (IOException | RuntimeException e) {
                    installFailure = e.toString();
                    throw e;
                }
            }
            binaries = found;
            return found;
        }
    }

    private static @Nullable Path installed() throws IOException {
        if (!Files.isDirectory(VERSIONS)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElse(null);
        }
    }

    // The file lock keeps two Maven forks from running apt at once; the second finds the binaries.
    private static Path install() throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(APT_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Path found = installed();
            if (found != null) {
                return found;
            }
            Path output = Files.createTempFile("sluice-apt", ".log");
            List<String> install = List.of(
                    "env",
                    "DEBIAN_FRONTEND=noninteractive",
                    "apt-get",
                    "install",
                    "-y",
                    "--no-install-recommends",
                    "postgresql");
            if (run(List.of("apt-get", "update"), ROOT, output, APT_TIMEOUT) != 0
                    || run(install, ROOT, output, APT_TIMEOUT) != 0) {
                throw new IllegalStateException("no PostgreSQL under " + VERSIONS
                        + " and installing Debian's postgresql package failed (log: " + output + "):\n"
                        + tail(output));
            }
            found = installed();
            if (found == null) {
                throw new IllegalStateException("installed Debian's postgresql package but found no server under "
                        + VERSIONS + " (log: " + output + ")");
            }
            return found;
        }
    }
}
