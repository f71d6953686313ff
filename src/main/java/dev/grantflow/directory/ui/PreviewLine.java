package dev.grantflow.directory.ui;

import dev.grantflow.directory.ImportChange;
import dev.grantflow.directory.ImportPreview;
import dev.grantflow.directory.ImportRejection;
import dev.grantflow.directory.ImportRow;
import dev.grantflow.directory.PersonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the import preview grid: what the import does with a CSV row, and the details in words.
 *
 * @param result "Add", "Change" or "Rejected"
 */
record PreviewLine(String result, int line, String email, String details) {

    static final String ADD = "Add";
    static final String CHANGE = "Change";
    static final String REJECTED = "Rejected";

    /** Returns the additions, then the changes, then the rejections, each group by line. */
    static List<PreviewLine> of(ImportPreview preview) {
        List<PreviewLine> lines = new ArrayList<>();
        for (ImportRow row : preview.additions()) {
            lines.add(new PreviewLine(ADD, row.line(), row.email(), describe(row.values())));
        }
        for (ImportChange change : preview.changes()) {
            lines.add(new PreviewLine(CHANGE, change.line(), change.email(), differences(change.before(), change.after())));
        }
        for (ImportRejection rejection : preview.rejections()) {
            lines.add(new PreviewLine(REJECTED, rejection.line(), rejection.email(), rejection.reason()));
        }
        return lines;
    }

    private static String describe(PersonValues values) {
        return values.displayName() + ", manager " + manager(values.managerEmail()) + ", roles " + roles(values.admin());
    }

    private static String differences(PersonValues before, PersonValues after) {
        List<String> parts = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            parts.add("Display name: " + before.displayName() + " → " + after.displayName());
        }
        if (!Objects.equals(before.managerEmail(), after.managerEmail())) {
            parts.add("Manager: " + manager(before.managerEmail()) + " → " + manager(after.managerEmail()));
        }
        if (before.admin() != after.admin()) {
            parts.add("Roles: " + roles(before.admin()) + " → " + roles(after.admin()));
        }
        return String.join(". ", parts) + ".";
    }

    private static String manager(@Nullable String email) {
        return email == null ? "none" : email;
    }

    private static String roles(boolean admin) {
        return admin ? "Admin, Requester" : "Requester";
    }
}
