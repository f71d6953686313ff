package dev.grantflow.provisioning.scimmy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension that runs the SCIMMY-based SCIM 2.0 server of {@code src/test/scim-target} as a Node.js
 * process on 127.0.0.1, one per test class. Register it in a static field with {@code @RegisterExtension}.
 *
 * <p>Before the first start in a JVM it runs {@code npm ci} when {@code node_modules} is missing or older than
 * {@code package-lock.json}. Each server gets a random port and a random bearer token.
 */
public final class ScimmyServer implements BeforeAllCallback, AfterAllCallback {

    private static final Logger log = LoggerFactory.getLogger(ScimmyServer.class);

    private static final String SCIM_PATH = "/scim/v2";
    private static final int MIN_NODE_MAJOR = 20;
    private static final Pattern LISTENING = Pattern.compile("LISTENING (\\d+)");
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\..*");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int OUTPUT_LINES_KEPT = 40;
    private static final String INSTALL_HINT = "The SCIMMY tests need Node.js " + MIN_NODE_MAJOR + " or newer and "
            + "npm on PATH. Install Node.js " + MIN_NODE_MAJOR + " or newer with npm, then run the tests again.";

    private static final Object SETUP_LOCK = new Object();
    private static boolean setupDone;

    private final String token = "scimmy-test-" + UUID.randomUUID();
    private final Deque<String> outputTail = new ArrayDeque<>();
    private @Nullable Process process;
    private @Nullable Thread outputReader;
    private @Nullable URI baseUri;

    /** Returns the SCIM base URI, for example {@code http://127.0.0.1:41234/scim/v2}. */
    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("The SCIMMY server is not running. Register ScimmyServer with "
                    + "@RegisterExtension in a static field, so that it starts before the tests.");
        }
        return baseUri;
    }

    /** Returns the bearer token that the server accepts. */
    public String token() {
        return token;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path directory = serverDirectory();
        setUpOnce(directory);
        start(directory);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    private static Path serverDirectory() {
        // Surefire sets basedir, and IDEs usually run tests in the project directory.
        String projectDirectory = System.getProperty("basedir", System.getProperty("user.dir"));
        Path directory = Path.of(projectDirectory, "src", "test", "scim-target").toAbsolutePath();
        if (!Files.isRegularFile(directory.resolve("server.mjs"))) {
            throw new IllegalStateException("SCIMMY server not found at " + directory.resolve("server.mjs")
                    + ". Run the tests from the project directory, or set the system property basedir to it.");
        }
        return directory;
    }

    private static void setUpOnce(Path directory) throws IOException, InterruptedException {
        synchronized (SETUP_LOCK) {
            if (setupDone) {
                return;
            }
            requireNode(directory);
            if (needsInstall(directory)) {
                install(directory);
            }
            setupDone = true;
        }
    }

    private static void requireNode(Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile("scimmy-node-version", ".log");
        try {
            int exitCode = run(List.of("node", "--version"), directory, output, START_TIMEOUT);
            String version = Files.readString(output).strip();
            Matcher matcher = NODE_VERSION.matcher(version);
            if (exitCode != 0 || !matcher.matches()) {
                throw new IllegalStateException("node --version failed with exit code " + exitCode + " and output '"
                        + version + "'. " + INSTALL_HINT);
            }
            if (Integer.parseInt(matcher.group(1)) < MIN_NODE_MAJOR) {
                throw new IllegalStateException("Node.js " + version + " is too old. " + INSTALL_HINT);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    // npm writes node_modules/.package-lock.json on every install, so an older one means that the lockfile
    // changed since the last install.
    private static boolean needsInstall(Path directory) throws IOException {
        Path installed = directory.resolve("node_modules").resolve(".package-lock.json");
        if (!Files.isRegularFile(installed)) {
            return true;
        }
        Path lockfile = directory.resolve("package-lock.json");
        return Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lockfile)) < 0;
    }

    private static void install(Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile("scimmy-npm-ci", ".log");
        try {
            log.info("Installing the SCIMMY server's packages with npm ci in {}", directory);
            long started = System.nanoTime();
            int exitCode = run(List.of("npm", "ci", "--no-audit", "--no-fund"), directory, output, INSTALL_TIMEOUT);
            if (exitCode != 0) {
                throw new IllegalStateException("npm ci failed with exit code " + exitCode + " in " + directory
                        + ". Check that the npm registry is reachable. Output:\n" + tail(Files.readString(output)));
            }
            log.info("Installed the SCIMMY server's packages in {} ms",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs a command to completion with its output in {@code output}, and returns its exit code. */
    private static int run(List<String> command, Path directory, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run '" + command.getFirst() + "': " + e.getMessage().strip()
                    + ". " + INSTALL_HINT, e);
        }
        if (!started.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            destroyTree(started);
            throw new IllegalStateException("'" + String.join(" ", command) + "' timed out after "
                    + timeout.toSeconds() + " s in " + directory + ". Output:\n" + tail(Files.readString(output)));
        }
        return started.exitValue();
    }

    private void start(Path directory) throws InterruptedException {
        Process started = launch(directory);
        process = started;
        CompletableFuture<Integer> port = new CompletableFuture<>();
        outputReader = Thread.ofPlatform().daemon().name("scimmy-output").start(() -> readOutput(started, port));

        int listeningPort = awaitPort(started, port);
        baseUri = URI.create("http://127.0.0.1:" + listeningPort + SCIM_PATH);
        log.info("Started the SCIMMY server pid={} baseUri={}", started.pid(), baseUri);
    }

    private Process launch(Path directory) {
        ProcessBuilder builder = new ProcessBuilder("node", "server.mjs", "--port", "0", "--exit-with-parent")
                .directory(directory.toFile())
                .redirectErrorStream(true);
        // The token goes in the environment, so that it does not show in process listings.
        builder.environment().put("SCIM_TOKEN", token);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run 'node': " + e.getMessage().strip() + ". " + INSTALL_HINT, e);
        }
    }

    /** Waits for the port that the server prints, and stops the server when it does not print one in time. */
    private int awaitPort(Process started, CompletableFuture<Integer> port) throws InterruptedException {
        try {
            return port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("The SCIMMY server did not print 'LISTENING <port>' within "
                    + START_TIMEOUT.toSeconds() + " s. Output:\n" + outputTail(), e);
        } catch (ExecutionException e) {
            started.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String exit = describeExit(started);
            stop();
            throw new IllegalStateException("The SCIMMY server stopped before it listened (" + exit + "). Output:\n"
                    + outputTail(), e.getCause());
        }
    }

    // Completes port with the port from the LISTENING line, or fails it when the output ends first. Every other
    // line goes to the log and the tail kept for error messages.
    private void readOutput(Process server, CompletableFuture<Integer> port) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher listening = LISTENING.matcher(line);
                if (!port.isDone() && listening.matches()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                    continue;
                }
                log.info("SCIMMY server: {}", line);
                keep(line);
            }
        } catch (IOException e) {
            log.warn("Reading the SCIMMY server's output failed pid={}", server.pid(), e);
        } finally {
            port.completeExceptionally(new IllegalStateException("The SCIMMY server's output ended."));
        }
    }

    private void keep(String line) {
        synchronized (outputTail) {
            outputTail.addLast(line);
            if (outputTail.size() > OUTPUT_LINES_KEPT) {
                outputTail.removeFirst();
            }
        }
    }

    private String outputTail() {
        synchronized (outputTail) {
            return outputTail.isEmpty() ? "(none)" : String.join("\n", outputTail);
        }
    }

    private void stop() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        destroyTree(running);
        Thread reader = outputReader;
        if (reader != null) {
            reader.join(STOP_TIMEOUT.toMillis());
        }
        log.info("Stopped the SCIMMY server pid={} ({})", running.pid(), describeExit(running));
        process = null;
        outputReader = null;
        baseUri = null;
    }

    /** Ends the process and its descendants, first with SIGTERM and after a timeout with SIGKILL. */
    private static void destroyTree(Process root) throws InterruptedException {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!root.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Killing pid={} because it did not stop within {} s", root.pid(), STOP_TIMEOUT.toSeconds());
            root.destroyForcibly();
            root.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
    }

    private static String describeExit(Process process) {
        return process.isAlive() ? "still running" : "exit code " + process.exitValue();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_KEPT), lines.size()));
    }
}
