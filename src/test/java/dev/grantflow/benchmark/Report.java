package dev.grantflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the results as Markdown: the machine, then one table with a row per figure, then the notes. The
 * runner prints it and writes it between the result markers of the benchmarks page, so the text that people
 * wrote above and below the markers stays.
 */
final class Report {

    static final String START_MARKER = "<!-- benchmark results: start -->";
    static final String END_MARKER = "<!-- benchmark results: end -->";

    private Report() {
    }

    static String markdown(List<String> environment, List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append("### Machine and run\n\n");
        environment.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n### Results\n\n");
        out.append("| Scenario | Measure | Median | Min | Max | Runs | Target | Met |\n");
        out.append("|---|---|--:|--:|--:|--:|---|---|\n");
        for (Figure figure : figures) {
            out.append("| ").append(figure.scenario())
                    .append(" | ").append(figure.measure())
                    .append(" | ").append(figure.format(figure.median()))
                    .append(" | ").append(figure.format(figure.min()))
                    .append(" | ").append(figure.format(figure.max()))
                    .append(" | ").append(figure.values().size())
                    .append(" | ").append(figure.target())
                    .append(" | ").append(verdict(figure))
                    .append(" |\n");
        }
        out.append("\nNotes:\n\n");
        for (Figure figure : figures) {
            if (!figure.note().isEmpty()) {
                out.append("- ").append(figure.scenario()).append(", ").append(figure.measure()).append(": ")
                        .append(figure.note()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Replaces the text between the result markers of {@code page} with {@code results}, or appends the
     * markers and the results when the page has none yet.
     */
    static void write(Path page, String results) throws IOException {
        String section = START_MARKER + "\n\n" + results + "\n" + END_MARKER + "\n";
        String current = Files.isRegularFile(page) ? Files.readString(page) : "";
        int start = current.indexOf(START_MARKER);
        int end = current.indexOf(END_MARKER);
        String updated;
        if (start >= 0 && end > start) {
            int afterEnd = current.indexOf('\n', end);
            updated = current.substring(0, start) + section + (afterEnd < 0 ? "" : current.substring(afterEnd + 1));
        } else {
            updated = current + (current.isEmpty() || current.endsWith("\n\n") ? "" : "\n") + section;
        }
        Files.createDirectories(page.toAbsolutePath().getParent());
        Files.writeString(page, updated);
    }

    private static String verdict(Figure figure) {
        if (figure.met() == null) {
            return "";
        }
        return figure.met() ? "yes" : "**no**";
    }
}
