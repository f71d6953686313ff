package dev.grantflow.directory;

import dev.grantflow.directory.CsvReader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of a directory CSV file: checks the header, the column count, the roles and the file's
 * size, and leaves the checks against each other and against the directory to {@link ImportPlanner}.
 * A file that cannot be read as a whole yields no rows and a single rejection.
 */
final class ImportParser {

    static final String EMAIL = "email";
    static final String DISPLAY_NAME = "display name";
    static final String MANAGER_EMAIL = "manager email";
    static final String ROLES = "roles";
    static final List<String> COLUMNS = List.of(EMAIL, DISPLAY_NAME, MANAGER_EMAIL, ROLES);

    private static final String HEADER_TEXT = String.join(",", COLUMNS);

    private final DirectoryProperties limits;

    ImportParser(DirectoryProperties limits) {
        this.limits = limits;
    }

    /** Rows that passed the checks here, and rejections of the rest. */
    record Result(List<ImportRow> rows, List<ImportRejection> rejections) {
    }

    Result parse(Reader csv) {
        CsvReader reader = new CsvReader(csv, limits.maxImportSize().toBytes());
        try {
            return parseRecords(reader);
        } catch (CsvReader.TooLargeException e) {
            return fileRejected(e.line(), e.getMessage() + " Split it into smaller files and import them one by one.");
        } catch (CsvReader.FormatException e) {
            return fileRejected(e.line(), e.getMessage());
        } catch (CharacterCodingException e) {
            return fileRejected(reader.line(), "The file is not valid UTF-8 text; reading stopped on line "
                    + reader.line() + ". Save it as CSV in UTF-8 and upload it again.");
        } catch (IOException e) {
            return fileRejected(reader.line(), "Reading the file failed on line " + reader.line() + ": "
                    + e.getMessage() + ". Upload it again.");
        }
    }

    private Result parseRecords(CsvReader reader) throws IOException {
        CsvRecord header = reader.next();
        if (header == null) {
            return fileRejected(1, "The file is empty. Upload a CSV file whose first row is the header " + HEADER_TEXT + ".");
        }
        Map<String, Integer> columns = columnIndexes(header);
        if (columns == null) {
            return fileRejected(1, "Line 1 reads \"" + String.join(",", header.fields()) + "\", but the first row must"
                    + " be the header " + HEADER_TEXT + " (in any order, any case). Add the header row.");
        }
        List<ImportRow> rows = new ArrayList<>();
        List<ImportRejection> rejections = new ArrayList<>();
        int dataRows = 0;
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            if (record.isBlank()) {
                continue;
            }
            dataRows++;
            if (dataRows > limits.maxImportRows()) {
                return fileRejected(record.line(), "The file has more than " + limits.maxImportRows() + " data rows."
                        + " Split it into files of at most " + limits.maxImportRows() + " rows and import them one by one.");
            }
            parseRow(record, columns, rows, rejections);
        }
        return new Result(rows, rejections);
    }

    private static @Nullable Map<String, Integer> columnIndexes(CsvRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.put(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        boolean complete = header.fields().size() == COLUMNS.size() && columns.keySet().containsAll(COLUMNS);
        return complete ? columns : null;
    }

    private static void parseRow(CsvRecord record, Map<String, Integer> columns, List<ImportRow> rows,
                                 List<ImportRejection> rejections) {
        List<String> fields = record.fields();
        if (fields.size() != COLUMNS.size()) {
            rejections.add(new ImportRejection(record.line(), "", "The row has " + fields.size()
                    + " columns, but the header has " + COLUMNS.size() + " (" + String.join(", ", COLUMNS) + ")."
                    + " Put fields that contain a comma in double quotes."));
            return;
        }
        String email = fields.get(columns.get(EMAIL)).strip();
        String roleProblem = null;
        boolean admin = false;
        for (String role : fields.get(columns.get(ROLES)).split(";")) {
            String name = role.strip().toUpperCase(Locale.ROOT);
            if (name.equals("ADMIN")) {
                admin = true;
            } else if (!name.isEmpty() && !name.equals("REQUESTER")) {
                roleProblem = unknownRole(role.strip());
                break;
            }
        }
        if (roleProblem != null) {
            rejections.add(new ImportRejection(record.line(), email, roleProblem));
            return;
        }
        String manager = fields.get(columns.get(MANAGER_EMAIL)).strip();
        PersonValues values = new PersonValues(fields.get(columns.get(DISPLAY_NAME)).strip(),
                manager.isEmpty() ? null : Person.normalizeEmail(manager), admin);
        rows.add(new ImportRow(record.line(), Person.normalizeEmail(email), values));
    }

    private static String unknownRole(String role) {
        if (role.equalsIgnoreCase("APPROVER")) {
            return "Role APPROVER cannot be imported, because Grantflow gives it to managers and application owners."
                    + " Remove it from the roles column.";
        }
        return "Role \"" + role + "\" is unknown. Use ADMIN, REQUESTER or nothing, and separate several roles with ;.";
    }

    private static Result fileRejected(int line, String reason) {
        return new Result(List.of(), List.of(new ImportRejection(line, "", reason)));
    }
}
