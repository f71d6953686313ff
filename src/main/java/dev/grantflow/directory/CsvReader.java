package dev.grantflow.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV records as RFC 4180 defines them: commas separate fields, line breaks separate records, and a
 * field in double quotes may contain commas, line breaks and doubled quotes. Beyond the RFC it accepts LF
 * and a lone CR as line breaks, skips a leading byte order mark, and keeps a quote inside an unquoted
 * field as a literal character. A line break at the end of the input does not start another record.
 */
final class CsvReader {

    private static final int EOF = -1;
    private static final int NONE = -2;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private final long maxBytes;
    private long bytes;
    private int line = 1;
    private int pushedBack = NONE;
    private boolean started;

    /** Creates a reader that fails with {@link TooLargeException} once the input exceeds {@code maxBytes} in UTF-8. */
    CsvReader(Reader in, long maxBytes) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        this.maxBytes = maxBytes;
    }

    /** Returns the line that reading has reached, counting from 1. */
    int line() {
        return line;
    }

    /** A record and the line on which it starts, counting from 1. */
    record CsvRecord(int line, List<String> fields) {

        /** Returns whether the record comes from an empty line. */
        boolean isBlank() {
            return fields.size() == 1 && fields.getFirst().isBlank();
        }
    }

    /** Reads the next record, or returns null at the end of the input. */
    @Nullable CsvRecord next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            StringBuilder field = new StringBuilder();
            c = c == '"' ? readQuoted(field) : readUnquoted(c, field);
            fields.add(field.toString());
            if (c != ',') {
                consumeLineBreak(c);
                return new CsvRecord(startLine, List.copyOf(fields));
            }
            c = read();
        }
    }

    /** Reads an unquoted field that starts with {@code first}, and returns the character after it. */
    private int readUnquoted(int first, StringBuilder field) throws IOException {
        int c = first;
        while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
            field.append((char) c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote, and returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        int openingLine = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new FormatException(openingLine, "The quoted field that starts on line " + openingLine
                        + " has no closing quote. Add the missing quote, and double every quote inside the field.");
            }
            if (c == '"') {
                int next = read();
                if (next != '"') {
                    return requireFieldEnd(next);
                }
                field.append('"');
            } else if (c == '\r' || c == '\n') {
                field.append((char) c);
                if (c == '\r' && peekIs('\n')) {
                    field.append('\n');
                }
                line++;
            } else {
                field.append((char) c);
            }
        }
    }

    private int requireFieldEnd(int c) throws FormatException {
        if (c == ',' || c == '\r' || c == '\n' || c == EOF) {
            return c;
        }
        throw new FormatException(line, "Line " + line + " has text after the closing quote of a field. Put the"
                + " whole field in quotes, and double every quote inside it.");
    }

    private void consumeLineBreak(int c) throws IOException {
        if (c == '\r') {
            peekIs('\n');
        }
        if (c == '\r' || c == '\n') {
            line++;
        }
    }

    /** Consumes the next character if it is {@code expected}, and returns whether it was. */
    private boolean peekIs(char expected) throws IOException {
        int next = read();
        if (next == expected) {
            return true;
        }
        pushedBack = next;
        return false;
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        int c = in.read();
        if (!started) {
            started = true;
            if (c == BYTE_ORDER_MARK) {
                count(c);
                c = in.read();
            }
        }
        if (c != EOF) {
            count(c);
        }
        return c;
    }

    private void count(int c) throws TooLargeException {
        bytes += utf8Length(c);
        if (bytes > maxBytes) {
            throw new TooLargeException(line, maxBytes);
        }
    }

    /** Returns the UTF-8 length of one UTF-16 unit; each half of a surrogate pair counts 2 of the pair's 4 bytes. */
    static int utf8Length(int c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate((char) c)) {
            return 2;
        }
        return 3;
    }

    /** Thrown when the input is not valid CSV; {@link #line()} is where reading stopped. */
    static class FormatException extends IOException {

        private final int line;

        FormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** Thrown when the input is larger than the limit. */
    static final class TooLargeException extends FormatException {

        TooLargeException(int line, long maxBytes) {
            super(line, "The file is larger than " + maxBytes + " bytes; reading stopped on line " + line + ".");
        }
    }
}
