package dev.grantflow.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes audit entries as CSV by RFC 4180: comma-separated, CRLF line ends, and a cell in double quotes
 * when it contains a comma, a double quote or a line break, with its double quotes doubled.
 * A cell that starts with =, +, -, @, a tab or a carriage return gets a leading single quote, so a
 * spreadsheet shows it as text instead of running it as a formula.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("Time (UTC)", "Actor ID", "Actor", "Action", "Target type", "Target ID",
            "Target", "Outcome", "Detail");

    private static final String LINE_END = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private AuditCsv() {
    }

    static void writeHeader(Writer writer) throws IOException {
        writeLine(writer, HEADER);
    }

    static void writeRow(Writer writer, AuditEntry entry) throws IOException {
        writeLine(writer, List.of(
                DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()),
                text(entry.actorId()),
                entry.actorName(),
                entry.action().name(),
                entry.targetType().name(),
                entry.targetId(),
                entry.targetName(),
                entry.outcome().name(),
                entry.detail()));
    }

    /** Returns the value as one CSV cell: neutralized when it could start a formula, then quoted when needed. */
    static String cell(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean needsQuotes = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static void writeLine(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(values.get(i)));
        }
        writer.write(LINE_END);
    }

    private static String text(@Nullable Long value) {
        return value == null ? "" : value.toString();
    }
}
