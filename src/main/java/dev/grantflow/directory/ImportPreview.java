package dev.grantflow.directory;

import java.util.List;

/**
 * The outcome of a CSV import before it is applied: each group of rows sorted by line. Applying it writes the
 * additions and changes, and never the rejected rows.
 *
 * @param unchanged rows whose values already match the directory
 */
public record ImportPreview(List<ImportRow> additions, List<ImportChange> changes, List<ImportRow> unchanged,
                            List<ImportRejection> rejections) {

    public ImportPreview {
        additions = List.copyOf(additions);
        changes = List.copyOf(changes);
        unchanged = List.copyOf(unchanged);
        rejections = List.copyOf(rejections);
    }

    /** Returns whether applying the preview would write anything. */
    public boolean hasWork() {
        return !additions.isEmpty() || !changes.isEmpty();
    }
}
