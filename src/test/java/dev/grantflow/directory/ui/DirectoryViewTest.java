package dev.grantflow.directory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.directory.PersonSummary;
import dev.grantflow.testing.KaribuTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

class DirectoryViewTest extends KaribuTestSupport {

    @Autowired
    DirectoryService directory;

    String family;
    Person manager;
    Person employee;
    DirectoryView view;

    @BeforeEach
    void openDirectoryAsAdmin() {
        family = "Kin" + UUID.randomUUID().toString().substring(0, 6);
        manager = fixtures.person("Maria " + family, null, false);
        employee = fixtures.person("Emma " + family, manager, false);
        signIn(fixtures.person("Ada Admin", null, true), true);
        UI.getCurrent().navigate(DirectoryView.class);
        view = _get(DirectoryView.class);
    }

    @Test
    void adminSeesPeopleWithManagers() {
        view.search.setValue(family);

        assertThat(names()).containsExactly("Emma " + family, "Maria " + family);
        assertThat(managerCellText(0)).isEqualTo("Maria " + family);
    }

    @Test
    void missingManagerFlaggedInWords() {
        view.search.setValue(family);

        assertThat(managerCellText(1)).isEqualTo("No manager");
    }

    @Test
    void searchFiltersGrid() {
        view.search.setValue("Emma " + family);

        assertThat(names()).containsExactly("Emma " + family);
    }

    @Test
    void unmatchedSearchShowsEmptyGrid() {
        view.search.setValue(family + "-nobody");

        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText()).contains("import people");
    }

    @Test
    void editDialogChangesManager() {
        Person other = fixtures.person("Otto " + family, null, false);
        view.search.setValue("Emma " + family);
        GridKt._clickItem(view.grid, 0);
        PersonDialog dialog = _get(PersonDialog.class);

        ComboBoxKt.setUserInput(dialog.manager, "Otto " + family);
        List<PersonSummary> suggestions = ComboBoxKt.getSuggestionItems(dialog.manager);
        dialog.manager.setValue(suggestions.getFirst());
        dialog.save.click();

        assertThat(suggestions).extracting(PersonSummary::id).containsExactly(other.getId());
        assertThat(directory.require(employee.getId()).getManagerId()).isEqualTo(other.getId());
        assertThat(managerCellText(0)).isEqualTo("Otto " + family);
    }

    @Test
    void editDialogShowsCycleNextToManager() {
        view.search.setValue("Maria " + family);
        GridKt._clickItem(view.grid, 0);
        PersonDialog dialog = _get(PersonDialog.class);

        ComboBoxKt.setUserInput(dialog.manager, "Emma " + family);
        dialog.manager.setValue(ComboBoxKt.getSuggestionItems(dialog.manager).getFirst());
        dialog.save.click();

        assertThat(dialog.manager.isInvalid()).isTrue();
        assertThat(dialog.manager.getErrorMessage()).contains("manager cycle");
        assertThat(directory.require(manager.getId()).getManagerId()).isNull();
    }

    @Test
    void uploadPreviewApplyImportsPeople() {
        String domain = family.toLowerCase() + ".test";
        String csv = "\uFEFFemail,display name,manager email,roles\r\n"
                + "new@" + domain + ",Nina " + family + "," + manager.getEmail() + ",\r\n"
                + employee.getEmail() + ",Emma " + family + ",,\r\n"
                + "bad-email,Bad Row,,\r\n";

        UploadKt._upload(view.importPanel.upload, "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(GridKt._findAll(view.importPanel.preview)).extracting(PreviewLine::result)
                .containsExactly(PreviewLine.ADD, PreviewLine.CHANGE, PreviewLine.REJECTED);
        assertThat(view.importPanel.summary.getText()).contains("1 to add, 1 to change, 0 unchanged, 1 rejected");
        view.importPanel.apply.click();
        assertThat(directory.findByEmail("new@" + domain)).map(Person::getManagerId).contains(manager.getId());
        assertThat(directory.require(employee.getId()).getManagerId()).isNull();
        assertThat(view.importPanel.previewSection.isVisible()).isFalse();
    }

    @Test
    void cancelDiscardsPreview() {
        String csv = "email,display name,manager email,roles\nzed@" + family.toLowerCase() + ".test,Zed " + family + ",,\n";
        UploadKt._upload(view.importPanel.upload, "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(view.importPanel.previewSection.isVisible()).isTrue();

        view.importPanel.cancel.click();

        assertThat(view.importPanel.previewSection.isVisible()).isFalse();
        assertThat(directory.findByEmail("zed@" + family.toLowerCase() + ".test")).isEmpty();
    }

    @Test
    void oversizedUploadShowsError() {
        byte[] content = new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1];
        Arrays.fill(content, (byte) 'a');

        UploadKt._upload(view.importPanel.upload, "huge.csv", "text/csv", content);

        assertThat(view.importPanel.error.getText()).contains("huge.csv is larger than 1048576 bytes");
        assertThat(view.importPanel.previewSection.isVisible()).isFalse();
    }

    private List<String> names() {
        return GridKt._findAll(view.grid).stream().map(PersonSummary::displayName).toList();
    }

    private String managerCellText(int row) {
        return ((Span) GridKt._getCellComponent(view.grid, row, "manager")).getText();
    }
}
