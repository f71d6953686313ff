package dev.grantflow.directory;

/**
 * A valid CSV row: the person's email, lower-cased, and the values the file gives them.
 *
 * @param line the row's line in the file, counting the header as line 1
 */
public record ImportRow(int line, String email, PersonValues values) {
}
