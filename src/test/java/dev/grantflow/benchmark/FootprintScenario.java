package dev.grantflow.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Scenario 5: the packaged jar started as its own process in the demo profile, from launch to the first
 * HTTP 200 on /login, and its resident memory afterwards.
 */
final class FootprintScenario {

    static final String NAME = "5. Footprint";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Requests to /login after the first 200, so the resident memory includes serving a few pages. */
    private static final int PAGE_LOADS = 20;
    private static final String BUILD_INFO = "BOOT-INF/classes/META-INF/VAADIN/config/flow-build-info.json";
    private static final Pattern PRODUCTION_MODE = Pattern.compile("\"productionMode\"\\s*:\\s*true");
    private static final Pattern HEAP_COMMITTED = Pattern.compile("heap\\s+total reserved \\d+K, committed (\\d+)K");
    private static final Pattern METASPACE_COMMITTED = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");

    private final BenchmarkSettings settings;
    private final Path workDirectory = Path.of("target", "benchmark", "footprint");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    FootprintScenario(BenchmarkSettings settings) {
        this.settings = settings;
    }

    List<Figure> run() throws IOException, InterruptedException {
        boolean production = isProductionBuild(settings.jar());
        Path jar = production ? settings.jar() : settings.devModeJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Jar " + jar.toAbsolutePath() + " not found. Run the benchmark with "
                    + "./mvnw -Pbenchmark verify, which packages it first.");
        }
        Files.createDirectories(workDirectory);
        List<JarSample> samples = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            samples.add(measureRun(jar, run));
            BenchmarkRunner.progress("footprint run %d: first 200 after %.1f s, RSS %.0f MB", run,
                    samples.getLast().startSeconds(), samples.getLast().rssMegabytes());
        }
        String kind = production ? "production jar" : "development-mode jar: no production profile exists yet, "
                + "and the plain jar stops at start-up because vaadin-dev is optional";
        return List.of(
                Figure.of(NAME, "jar start to first 200 on /login (s)", 1, values(samples, JarSample::startSeconds))
                        .target("< 12 s", median -> median < 12)
                        .note(jar.getFileName() + ", " + kind + ". Demo profile on H2, default JVM options"),
                Figure.of(NAME, "jar CPU time until that 200 (s)", 1, values(samples, JarSample::cpuSeconds))
                        .note("user and system time of the jar's process. Two idle cores could at best halve it"),
                Figure.of(NAME, "jar RSS after " + PAGE_LOADS + " page loads (MB)", 0,
                        values(samples, JarSample::rssMegabytes))
                        .target("< 600 MB", median -> median < 600),
                Figure.of(NAME, "jar heap committed at that time (MB)", 0, values(samples, JarSample::heapMegabytes))
                        .note("from jcmd GC.heap_info. Without -Xms, the JVM starts with a 64th of the memory as heap"),
                Figure.of(NAME, "jar metaspace committed at that time (MB)", 0,
                        values(samples, JarSample::metaspaceMegabytes)));
    }

    private JarSample measureRun(Path jar, int run) throws IOException, InterruptedException {
        int port = freePort();
        URI login = URI.create("http://127.0.0.1:" + port + "/login");
        String java = ProcessHandle.current().info().command().orElse("java");
        // The project folder as working directory, because Vaadin's development mode looks for the pom.xml
        // there. The demo key file goes to target instead of the project's data folder.
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--grantflow.encryption.key-file=" + workDirectory.resolve("demo-encryption.key").toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("run-" + run + ".log").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            await().atMost(START_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .failFast("the jar exited before serving /login; see " + workDirectory.resolve("run-" + run + ".log"),
                            () -> !process.isAlive())
                    .until(() -> status(login) == 200);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = process.info().totalCpuDuration().map(cpu -> cpu.toMillis() / 1e3).orElse(Double.NaN);
            for (int i = 0; i < PAGE_LOADS; i++) {
                status(login);
            }
            double rss = residentKilobytes(process.pid()) / 1024.0;
            String heapInfo = heapInfo(process.pid());
            return new JarSample(startSeconds, cpuSeconds, rss, kilobytes(HEAP_COMMITTED, heapInfo) / 1024.0,
                    kilobytes(METASPACE_COMMITTED, heapInfo) / 1024.0);
        } finally {
            stop(process);
        }
    }

    private int status(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads VmRSS of a process from /proc, in kilobytes. */
    static long residentKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no VmRSS line");
    }

    /** Returns the output of jcmd GC.heap_info and VM.metaspace for a JVM that this runner started. */
    private static String heapInfo(long pid) throws IOException, InterruptedException {
        return jcmd(pid, "GC.heap_info") + jcmd(pid, "VM.metaspace", "basic");
    }

    /** Runs a jcmd command with the jcmd of the running JDK and returns what it printed. */
    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output;
    }

    private static long kilobytes(Pattern pattern, String heapInfo) {
        Matcher matcher = pattern.matcher(heapInfo);
        if (!matcher.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no match for " + pattern + ": " + heapInfo);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static List<Double> values(List<JarSample> samples, ToDoubleFunction<JarSample> value) {
        return samples.stream().map(sample -> value.applyAsDouble(sample)).toList();
    }

    /** Tells whether the jar holds a Vaadin production build, which marks itself in flow-build-info.json. */
    static boolean isProductionBuild(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(BUILD_INFO);
            if (entry == null) {
                return false;
            }
            String info = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            return PRODUCTION_MODE.matcher(info).find();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record JarSample(double startSeconds, double cpuSeconds, double rssMegabytes, double heapMegabytes,
            double metaspaceMegabytes) {
    }
}
