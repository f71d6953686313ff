package dev.grantflow.directory;

/**
 * A CSV row, or the whole file, that the import leaves out, with the reason and what to fix.
 *
 * @param email the email as written in the row, or empty when the row has none or the whole file is rejected
 */
public record ImportRejection(int line, String email, String reason) {
}
