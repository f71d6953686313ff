package dev.grantflow.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what each import row does to the directory: add a person, change one, or nothing. It rejects rows
 * whose manager is unknown, rows that would close a manager cycle through the file and the directory, and
 * rows that would leave the directory without an admin. A rejected row keeps its person as the directory
 * has them, which can invalidate other rows, so the checks repeat until no further row is rejected.
 */
final class ImportPlanner {

    private final DirectorySnapshot directory;
    private final Map<String, ImportRow> accepted = new LinkedHashMap<>();
    private final Map<String, Integer> rejectedLines = new HashMap<>();
    private final List<ImportRejection> rejections;

    private ImportPlanner(DirectorySnapshot directory, List<ImportRejection> rejections) {
        this.directory = directory;
        this.rejections = rejections;
    }

    /** Plans the rows against the directory; {@code earlier} are rejections from reading the file. */
    static ImportPreview plan(List<ImportRow> rows, List<ImportRejection> earlier, DirectorySnapshot directory) {
        ImportPlanner planner = new ImportPlanner(directory, new ArrayList<>(earlier));
        for (ImportRow row : ImportRowChecks.check(rows, planner.rejections)) {
            planner.accepted.put(row.email(), row);
        }
        planner.rejections.forEach(rejection -> planner.rejectedLines.put(Person.normalizeEmail(rejection.email()), rejection.line()));
        int before;
        do {
            before = planner.accepted.size();
            planner.rejectUnknownManagers();
            planner.rejectManagerCycles();
            planner.rejectLastAdminRemoval();
        } while (planner.accepted.size() < before);
        return planner.preview();
    }

    private void rejectUnknownManagers() {
        for (ImportRow row : List.copyOf(accepted.values())) {
            String manager = row.values().managerEmail();
            if (manager == null || accepted.containsKey(manager) || directory.contains(manager)) {
                continue;
            }
            Integer managerLine = rejectedLines.get(manager);
            reject(row, managerLine != null
                    ? "Manager " + manager + " is on line " + managerLine + ", which is rejected. Fix line " + managerLine
                            + ", or choose a manager who is already in the directory."
                    : "Manager " + manager + " is neither in the directory nor in this file. Add a row for them, or"
                            + " leave the manager email empty.");
        }
    }

    private void rejectManagerCycles() {
        Map<ImportRow, List<String>> cycles = new LinkedHashMap<>();
        for (ImportRow row : accepted.values()) {
            List<String> cycle = cycleThrough(row.email());
            if (cycle != null) {
                cycles.put(row, cycle);
            }
        }
        cycles.forEach((row, cycle) -> reject(row, cycle.size() == 2
                ? row.email() + " cannot be their own manager. Choose another manager, or leave it empty."
                : "This row makes a manager cycle (each person reports to the next): " + String.join(" → ", cycle)
                        + ". Choose a manager for " + row.email() + " who does not report to them."));
    }

    /** Returns the chain of managers from the person back to them, or null when the chain ends or loops elsewhere. */
    private @Nullable List<String> cycleThrough(String email) {
        List<String> chain = new ArrayList<>(List.of(email));
        Set<String> seen = new HashSet<>(chain);
        String current = managerOf(email);
        while (current != null) {
            chain.add(current);
            if (current.equals(email)) {
                return chain;
            }
            if (!seen.add(current)) {
                return null;
            }
            current = managerOf(current);
        }
        return null;
    }

    private @Nullable String managerOf(String email) {
        ImportRow row = accepted.get(email);
        return row != null ? row.values().managerEmail() : directory.managerOf(email);
    }

    private void rejectLastAdminRemoval() {
        long adminsAfter = directory.entries().stream()
                .filter(entry -> entry.values().admin() && !accepted.containsKey(entry.email())).count()
                + accepted.values().stream().filter(row -> row.values().admin()).count();
        if (adminsAfter > 0) {
            return;
        }
        for (ImportRow row : List.copyOf(accepted.values())) {
            boolean removesAdmin = directory.find(row.email()).map(entry -> entry.values().admin()).orElse(false);
            if (removesAdmin) {
                reject(row, "Removing ADMIN from " + row.email() + " would leave the directory without an admin."
                        + " Keep ADMIN in this row's roles column, or give ADMIN to another person.");
            }
        }
    }

    private void reject(ImportRow row, String reason) {
        accepted.remove(row.email());
        rejectedLines.put(row.email(), row.line());
        rejections.add(new ImportRejection(row.line(), row.email(), reason));
    }

    private ImportPreview preview() {
        List<ImportRow> additions = new ArrayList<>();
        List<ImportChange> changes = new ArrayList<>();
        List<ImportRow> unchanged = new ArrayList<>();
        for (ImportRow row : accepted.values()) {
            DirectorySnapshot.Entry entry = directory.find(row.email()).orElse(null);
            if (entry == null) {
                additions.add(row);
            } else if (entry.values().equals(row.values())) {
                unchanged.add(row);
            } else {
                changes.add(new ImportChange(row.line(), row.email(), entry.values(), row.values()));
            }
        }
        additions.sort(Comparator.comparingInt(ImportRow::line));
        changes.sort(Comparator.comparingInt(ImportChange::line));
        unchanged.sort(Comparator.comparingInt(ImportRow::line));
        rejections.sort(Comparator.comparingInt(ImportRejection::line));
        return new ImportPreview(additions, changes, unchanged, rejections);
    }
}
