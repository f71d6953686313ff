package dev.grantflow.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.directory.DirectoryAdminService;
import dev.grantflow.directory.DirectoryImportService;
import dev.grantflow.directory.DirectoryProperties;
import dev.grantflow.directory.PersonSummary;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.Roles;
import dev.grantflow.security.SignedInPerson;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/**
 * The admins' directory: everyone with their manager and roles, loaded page by page and searchable, a dialog
 * to change a person's manager and ADMIN role, and the CSV import.
 */
@Route("admin/directory")
@PageTitle("Directory | Grantflow")
@RolesAllowed(Roles.ADMIN)
class DirectoryView extends VerticalLayout {

    final TextField search = new TextField();
    final Grid<PersonSummary> grid = new Grid<>(PersonSummary.class, false);
    final ImportPanel importPanel;
    private final DirectoryAdminService directory;
    private final SignedInPerson admin;

    DirectoryView(DirectoryAdminService directory, DirectoryImportService imports, DirectoryProperties properties) {
        this.directory = directory;
        this.admin = CurrentUser.require();
        search.setPlaceholder("Search by name or email");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        search.setId("directory-search");
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        configureGrid();
        importPanel = new ImportPanel(imports, properties, admin, () -> grid.getDataProvider().refreshAll());
        add(new H2("Directory"),
                new Paragraph("Click a person to change their manager or ADMIN role. Requests of people without a"
                        + " manager go to the admins for approval."),
                search, grid, importPanel);
    }

    private void configureGrid() {
        grid.addColumn(PersonSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(PersonSummary::email).setHeader("Email").setAutoWidth(true);
        grid.addComponentColumn(DirectoryView::managerCell).setHeader("Manager").setKey("manager").setAutoWidth(true);
        grid.addColumn(person -> person.admin() ? "Admin, Requester" : "Requester").setHeader("Roles").setAutoWidth(true);
        grid.addColumn(PersonSummary::reportCount).setHeader("Reports").setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<PersonSummary, Void> query) -> directory.search(search.getValue(),
                        PageRequest.of(query.getPage(), query.getPageSize()), admin).stream(),
                query -> (int) directory.count(search.getValue(), admin)));
        grid.setEmptyStateText("Nobody matches this search. Check the spelling, clear the search, or import people"
                + " from a CSV file below.");
        grid.addItemClickListener(click -> edit(click.getItem()));
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setHeight("28rem");
        grid.setId("directory");
    }

    /** Shows the manager's name, or a "No manager" badge whose text carries the meaning without its colour. */
    static Component managerCell(PersonSummary person) {
        if (person.withoutManager()) {
            Span badge = new Span("No manager");
            badge.addClassNames("status-badge", "pending");
            return badge;
        }
        return new Span(person.managerName() == null ? "" : person.managerName());
    }

    private void edit(PersonSummary person) {
        PersonDialog dialog = new PersonDialog(person, directory, admin);
        dialog.addSavedListener(() -> grid.getDataProvider().refreshAll());
        dialog.open();
    }
}
