package dev.grantflow.request.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.grantflow.catalog.CatalogEntry;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestView;
import dev.grantflow.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The catalog: every published application a person can request, each with a "Request access" button.
 */
@Route("")
@PageTitle("Catalog | Grantflow")
@PermitAll
class CatalogView extends VerticalLayout {

    CatalogView(CatalogService catalog, RequestService requests) {
        add(new H2("Catalog"), new Paragraph("Choose an application and say why you need it. Your request goes to its approvers."));
        List<CatalogEntry> entries = catalog.listRequestable();
        if (entries.isEmpty()) {
            add(new Paragraph("No applications are published yet. An admin publishes them under Admin > Applications."));
            return;
        }
        Map<Long, RequestView> open = requests.openRequestsOf(CurrentUser.require().personId());
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        entries.forEach(entry -> cards.add(card(entry, open.get(entry.id()), requests)));
        add(cards);
    }

    private static Div card(CatalogEntry entry, @Nullable RequestView open, RequestService requests) {
        Paragraph approvers = new Paragraph("Approval: " + entry.approverType().displayName());
        approvers.addClassName("muted");
        Div card = new Div(new H3(entry.name()), new Paragraph(entry.description()), approvers);
        card.addClassName("app-card");
        if (open != null) {
            Anchor link = new Anchor("requests/" + open.id(), "Open your request");
            link.setId("open-request-" + entry.id());
            card.add(new HorizontalLayout(new StatusBadge(open.status()), link));
            return card;
        }
        Button request = new Button("Request access", click -> new RequestAccessDialog(entry, requests).open());
        request.addThemeVariants(ButtonVariant.PRIMARY);
        request.setId("request-" + entry.id());
        card.add(request);
        return card;
    }
}
