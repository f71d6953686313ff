package dev.grantflow.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks each import row's own fields, and rejects every row whose email appears more than once in the file,
 * because the import cannot tell which of the rows the admin meant.
 */
final class ImportRowChecks {

    /** Maximum length of a display name, as the {@code person.display_name} column allows. */
    static final int MAX_DISPLAY_NAME_LENGTH = 200;

    private ImportRowChecks() {
    }

    /**
     * Returns the rows that pass, and adds rejections for the others to {@code rejections}. Emails of rows
     * already in {@code rejections} count for duplicates too.
     */
    static List<ImportRow> check(List<ImportRow> rows, List<ImportRejection> rejections) {
        Map<String, List<Integer>> linesByEmail = Stream.concat(
                        rows.stream().map(row -> Map.entry(row.email(), row.line())),
                        rejections.stream().map(rejection -> Map.entry(Person.normalizeEmail(rejection.email()), rejection.line())))
                .filter(entry -> !entry.getKey().isEmpty())
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<ImportRow> passed = new ArrayList<>();
        for (ImportRow row : rows) {
            List<String> problems = problemsOf(row);
            List<Integer> lines = linesByEmail.get(row.email());
            if (lines != null && lines.size() > 1) {
                problems.add("Email " + row.email() + " appears on lines " + joinLines(lines) + ". Keep one row per person.");
            }
            if (problems.isEmpty()) {
                passed.add(row);
            } else {
                rejections.add(new ImportRejection(row.line(), row.email(), String.join(" ", problems)));
            }
        }
        return passed;
    }

    private static List<String> problemsOf(ImportRow row) {
        List<String> problems = new ArrayList<>();
        if (row.email().isEmpty()) {
            problems.add("Email is missing. Enter the person's email address.");
        } else if (!EmailAddresses.isValid(row.email())) {
            problems.add("Email \"" + row.email() + "\" is invalid. Enter an address such as name@example.com.");
        }
        String displayName = row.values().displayName();
        if (displayName.isBlank()) {
            problems.add("Display name is missing. Enter the person's full name.");
        } else if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            problems.add("Display name has " + displayName.length() + " characters, more than the maximum of "
                    + MAX_DISPLAY_NAME_LENGTH + ". Shorten it.");
        }
        String manager = row.values().managerEmail();
        if (manager != null && !EmailAddresses.isValid(manager)) {
            problems.add("Manager email \"" + manager + "\" is invalid. Enter the manager's address, or leave it"
                    + " empty for no manager.");
        }
        return problems;
    }

    /** Joins line numbers as "3 and 7" or "3, 7 and 9". */
    static String joinLines(List<Integer> lines) {
        List<String> numbers = lines.stream().sorted().map(String::valueOf).toList();
        if (numbers.size() == 1) {
            return numbers.getFirst();
        }
        return String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.getLast();
    }
}
