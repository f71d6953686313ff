package dev.grantflow.directory;

/**
 * A CSV row for a person already in the directory whose values differ from the file's.
 *
 * @param before the values in the directory at preview time
 * @param after  the values in the file
 */
public record ImportChange(int line, String email, PersonValues before, PersonValues after) {

    ImportRow row() {
        return new ImportRow(line, email, after);
    }
}
