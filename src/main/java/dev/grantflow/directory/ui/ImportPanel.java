package dev.grantflow.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import dev.grantflow.directory.DirectoryChangeRejectedException;
import dev.grantflow.directory.DirectoryImportService;
import dev.grantflow.directory.DirectoryProperties;
import dev.grantflow.directory.ImportPreview;
import dev.grantflow.directory.ImportResult;
import dev.grantflow.security.SignedInPerson;
import java.io.ByteArrayInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The CSV import: upload a file, review what it would add, change and reject, then apply or cancel.
 * Nothing changes in the directory before "Apply".
 */
class ImportPanel extends VerticalLayout {

    final Upload upload;
    final Paragraph summary = new Paragraph();
    final Paragraph error = new Paragraph();
    final Grid<PreviewLine> preview = new Grid<>(PreviewLine.class, false);
    final Button apply = new Button("Apply");
    final Button cancel = new Button("Cancel");
    final VerticalLayout previewSection;
    private final DirectoryImportService imports;
    private final SignedInPerson admin;
    private final Runnable applied;
    private final long maxBytes;
    private @Nullable ImportPreview current;

    ImportPanel(DirectoryImportService imports, DirectoryProperties properties, SignedInPerson admin, Runnable applied) {
        this.imports = imports;
        this.admin = admin;
        this.applied = applied;
        this.maxBytes = properties.maxImportSize().toBytes();
        setPadding(false);
        upload = new Upload(new CsvUploadHandler(maxBytes, this::showPreview, this::showTooLarge));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE));
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.addFileRejectedListener(rejected -> showError(rejected.getFileName() + " was not uploaded: "
                + rejected.getErrorMessage() + ". Choose a CSV file of at most " + maxBytes + " bytes."));
        upload.setId("directory-upload");
        configurePreview();
        apply.addClickListener(click -> apply());
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        apply.setId("apply-import");
        cancel.addClickListener(click -> reset());
        cancel.setId("cancel-import");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        previewSection = new VerticalLayout(summary, preview, new HorizontalLayout(cancel, apply));
        previewSection.setPadding(false);
        previewSection.setVisible(false);
        add(new H3("Import CSV"), new Paragraph("Upload a UTF-8 CSV file whose first row is the header"
                + " email,display name,manager email,roles. Put ADMIN in the roles column to make someone an admin,"
                + " or leave it empty; everyone is a requester. A manager must be in the directory or in the file."
                + " You see a preview before anything changes."), upload, error, previewSection);
    }

    private void configurePreview() {
        preview.addColumn(PreviewLine::result).setHeader("Result").setAutoWidth(true);
        preview.addColumn(PreviewLine::line).setHeader("Line").setAutoWidth(true);
        preview.addColumn(PreviewLine::email).setHeader("Email").setAutoWidth(true);
        preview.addColumn(PreviewLine::details).setHeader("Details").setFlexGrow(1);
        preview.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        preview.setEmptyStateText("The file has no rows to add or change, and none were rejected.");
        preview.setHeight("20rem");
        preview.setId("import-preview");
    }

    private void showPreview(String fileName, byte[] content) {
        error.setVisible(false);
        try {
            ImportPreview result = imports.preview(new ByteArrayInputStream(content), admin);
            current = result;
            preview.setItems(PreviewLine.of(result));
            summary.setText(fileName + ": " + result.additions().size() + " to add, " + result.changes().size()
                    + " to change, " + result.unchanged().size() + " unchanged, " + result.rejections().size() + " rejected."
                    + (result.rejections().isEmpty() ? "" : " Rejected rows are left out; fix them in the file and upload it again.")
                    + (result.hasWork() ? "" : " There is nothing to apply."));
            apply.setEnabled(result.hasWork());
            previewSection.setVisible(true);
        } catch (AccessDeniedException e) {
            showError(e.getMessage());
        }
    }

    private void showTooLarge(String fileName) {
        upload.clearFileList();
        showError(fileName + " is larger than " + maxBytes + " bytes. Split it into smaller files and import them one by one.");
    }

    private void apply() {
        ImportPreview pending = current;
        if (pending == null) {
            return;
        }
        try {
            ImportResult result = imports.apply(pending, admin);
            Notification.show("Imported: " + result.added() + " added, " + result.changed() + " changed, "
                    + result.rejected() + " rejected rows left out.").addThemeVariants(NotificationVariant.SUCCESS);
            reset();
            applied.run();
        } catch (DirectoryChangeRejectedException | AccessDeniedException e) {
            apply.setEnabled(false);
            showError(e.getMessage());
        }
    }

    private void reset() {
        current = null;
        preview.setItems();
        previewSection.setVisible(false);
        error.setVisible(false);
        upload.clearFileList();
    }

    private void showError(@Nullable String message) {
        error.setText(message == null ? "The import failed. Upload the file again." : message);
        error.setVisible(true);
    }
}
