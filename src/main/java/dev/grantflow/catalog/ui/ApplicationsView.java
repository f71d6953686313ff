package dev.grantflow.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.grantflow.catalog.ApplicationSummary;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.CatalogTemplate;
import dev.grantflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/**
 * Admins' list of applications with their publish state, and the entry point to add one from a template.
 */
@Route("admin/applications")
@PageTitle("Applications | Grantflow")
@RolesAllowed(Roles.ADMIN)
class ApplicationsView extends VerticalLayout {

    final Grid<ApplicationSummary> grid = new Grid<>(ApplicationSummary.class, false);

    ApplicationsView(CatalogService catalog) {
        setSizeFull();
        Button add = new Button("Add application", VaadinIcon.PLUS.create(), click -> chooseTemplate());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("add-application");
        add(new H2("Applications"), add);
        if (catalog.countApplications() == 0) {
            add(new Paragraph("No applications yet. Add one from the catalog of templates."));
        }
        grid.addColumn(ApplicationSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(summary -> summary.template().displayName()).setHeader("Template").setAutoWidth(true);
        grid.addColumn(summary -> summary.state().displayName()).setHeader("State").setAutoWidth(true)
                .setTooltipGenerator(summary -> summary.lastPublishError() == null ? "" : summary.lastPublishError());
        grid.addColumn(summary -> summary.draftState().displayName()).setHeader("Draft").setAutoWidth(true);
        grid.addColumn(summary -> summary.publishedVersion() == null ? "" : "v" + summary.publishedVersion())
                .setHeader("Live version").setAutoWidth(true);
        grid.addColumn(summary -> summary.approverType().displayName()).setHeader("Approvers").setAutoWidth(true);
        grid.addColumn(summary -> summary.fulfillmentEnabled() ? "On" : "Off").setHeader("Fulfillment").setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<ApplicationSummary, Void> query) -> catalog.listApplications(
                        PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) catalog.countApplications()));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ApplicationEditorView.class,
                new RouteParameters(ApplicationEditorView.ID_PARAMETER, String.valueOf(click.getItem().id())))));
        grid.setId("applications");
        add(grid);
    }

    private void chooseTemplate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add an application from the catalog");
        for (CatalogTemplate template : CatalogTemplate.values()) {
            Button choice = new Button(template.displayName(), click -> {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(ApplicationEditorView.class,
                        new RouteParameters(ApplicationEditorView.ID_PARAMETER, "new-" + template.name().toLowerCase())));
            });
            choice.setId("template-" + template.name().toLowerCase());
            choice.setWidthFull();
            dialog.add(new Paragraph(template.description()), choice);
        }
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()));
        dialog.open();
    }
}
