package dev.grantflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark ran on, read from /proc and the JVM: processor, cores, memory, JDK, OS and load. The
 * CPU counters let the report say how busy the machine was with other work during the run.
 */
final class Machine {

    private Machine() {
    }

    static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown processor");
    }

    static String memory() {
        String total = firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown");
        String kilobytes = total.replaceAll("\\D", "");
        return kilobytes.isEmpty() ? total
                : String.format(Locale.ROOT, "%.1f GiB (MemTotal %s kB)", Long.parseLong(kilobytes) / 1024.0 / 1024.0, kilobytes);
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")";
    }

    static String os() {
        String release = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(name -> name.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        return release + ", kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch");
    }

    /** Returns the 1-, 5- and 15-minute load averages from /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Returns the busy and total jiffies of all cores from the first line of /proc/stat, or zeros. */
    static long[] cpuJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
