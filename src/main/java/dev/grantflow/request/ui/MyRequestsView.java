package dev.grantflow.request.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.data.domain.PageRequest;

/**
 * The signed-in person's requests, newest first, loaded page by page.
 */
@Route("requests")
@PageTitle("My requests | Grantflow")
@PermitAll
class MyRequestsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    final Grid<RequestView> grid = new Grid<>(RequestView.class, false);

    MyRequestsView(RequestService requests) {
        long personId = CurrentUser.require().personId();
        setSizeFull();
        add(new H2("My requests"));
        if (requests.countMine(personId) == 0) {
            add(new Paragraph("You have no requests yet. Open the Catalog to request access to an application."));
        }
        grid.addColumn(RequestView::applicationName).setHeader("Application").setAutoWidth(true);
        grid.addComponentColumn(request -> new StatusBadge(request.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(request -> request.statusDetail() == null ? "" : request.statusDetail()).setHeader("Details");
        grid.addColumn(request -> TIME.format(request.createdAt())).setHeader("Submitted").setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<RequestView, Void> query) -> requests.listMine(personId,
                        PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) requests.countMine(personId)));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, RequestDetailView.parameters(click.getItem().id()))));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("my-requests");
        add(grid);
    }
}
