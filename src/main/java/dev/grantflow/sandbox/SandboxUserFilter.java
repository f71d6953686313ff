package dev.grantflow.sandbox;

import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Parser for the one filter form the sandbox supports: {@code userName eq "value"}. The attribute name and
 * operator ignore case, and the value is a JSON string, so {@code \"} and {@code \\} are escapes.
 */
final class SandboxUserFilter {

    private static final String USER_NAME_URN = SandboxScimJson.USER_SCHEMA + ":userName";
    private static final String SUPPORTED = "The sandbox supports only filters of the form userName eq \"value\".";

    private final String filter;
    private int position;

    private SandboxUserFilter(String filter) {
        this.filter = filter;
    }

    /** Returns the userName value in {@code filter}, or null for a missing or blank filter. Throws 400 invalidFilter. */
    static @Nullable String parseUserName(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        return new SandboxUserFilter(filter).parse();
    }

    private String parse() {
        skipWhitespace();
        String attribute = readWord();
        if (!attribute.equalsIgnoreCase("userName") && !attribute.equalsIgnoreCase(USER_NAME_URN)) {
            throw SandboxScimException.invalidFilter("Filter attribute \"" + attribute + "\" is not supported. " + SUPPORTED);
        }
        skipWhitespace();
        String operator = readWord();
        if (!operator.equalsIgnoreCase("eq")) {
            throw SandboxScimException.invalidFilter("Filter operator \"" + operator + "\" is not supported. " + SUPPORTED);
        }
        skipWhitespace();
        if (position >= filter.length() || filter.charAt(position) != '"') {
            throw SandboxScimException.invalidFilter(
                    "Filter value must be a double-quoted string, got " + filter.substring(position) + ". " + SUPPORTED);
        }
        String value = readQuotedString();
        skipWhitespace();
        if (position < filter.length()) {
            throw SandboxScimException.invalidFilter(
                    "Unexpected text after the filter value: " + filter.substring(position) + ". " + SUPPORTED);
        }
        return value;
    }

    private String readWord() {
        int start = position;
        while (position < filter.length() && !Character.isWhitespace(filter.charAt(position))) {
            position++;
        }
        return filter.substring(start, position);
    }

    private void skipWhitespace() {
        while (position < filter.length() && Character.isWhitespace(filter.charAt(position))) {
            position++;
        }
    }

    /** Reads a JSON string starting at the opening quote and decodes its escapes. */
    private String readQuotedString() {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < filter.length()) {
            char c = filter.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(readEscape());
            } else {
                value.append(c);
            }
        }
        throw SandboxScimException.invalidFilter("Filter value has no closing double quote: " + filter);
    }

    private char readEscape() {
        if (position >= filter.length()) {
            throw SandboxScimException.invalidFilter("Filter value ends inside an escape sequence: " + filter);
        }
        char escaped = filter.charAt(position++);
        return switch (escaped) {
            case '"', '\\', '/' -> escaped;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readUnicodeEscape();
            default -> throw SandboxScimException.invalidFilter(
                    "Filter value has an invalid escape \\" + escaped + ". Use \\\" or \\\\.");
        };
    }

    private char readUnicodeEscape() {
        if (position + 4 > filter.length()) {
            throw SandboxScimException.invalidFilter("Filter value has an incomplete \\u escape: " + filter);
        }
        String hex = filter.substring(position, position + 4);
        position += 4;
        if (!hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw SandboxScimException.invalidFilter("Filter value has an invalid \\u escape: \\u" + hex);
        }
        return (char) HexFormat.fromHexDigits(hex);
    }
}
