package dev.grantflow.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.testing.KaribuTestSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

class CatalogViewTest extends KaribuTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    RequestService requests;

    Person employee;
    long applicationId;

    @BeforeEach
    void publishApplication() {
        Person admin = fixtures.person("Ada Admin", null, true);
        Person manager = fixtures.person("Maria Manager", null, false);
        employee = fixtures.person("Emma Employee", manager, false);
        applicationId = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        signIn(employee, false);
        UI.getCurrent().navigate(CatalogView.class);
    }

    @Test
    void catalogShowsPublishedApplication() {
        Button request = _get(Button.class, spec -> spec.withId("request-" + applicationId));

        assertThat(request.getText()).isEqualTo("Request access");
    }

    @Test
    void requestFormNeedsJustification() {
        _get(Button.class, spec -> spec.withId("request-" + applicationId)).click();
        RequestAccessDialog dialog = _get(RequestAccessDialog.class);

        dialog.submit.click();

        assertThat(dialog.justification.isInvalid()).isTrue();
        assertThat(dialog.justification.getErrorMessage()).contains("justification");
        assertThat(requests.countMine(employee.getId())).isZero();
    }

    @Test
    void requestFormSubmitsAndOpensRequest() {
        _get(Button.class, spec -> spec.withId("request-" + applicationId)).click();
        RequestAccessDialog dialog = _get(RequestAccessDialog.class);
        dialog.justification.setValue("Pipeline reviews");

        dialog.submit.click();

        List<RequestView> mine = requests.listMine(employee.getId(), PageRequest.of(0, 10)).getContent();
        assertThat(mine).singleElement().extracting(RequestView::status).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("requests/" + mine.getFirst().id());
    }

    @Test
    void openRequestReplacesRequestButton() {
        RequestView first = requests.submit(employee.getId(), applicationId, "First");
        UI.getCurrent().navigate(MyRequestsView.class);
        UI.getCurrent().navigate(CatalogView.class);

        Anchor link = _get(Anchor.class, spec -> spec.withId("open-request-" + applicationId));

        assertThat(link.getHref()).isEqualTo("requests/" + first.id());
        assertThat(_find(Button.class, spec -> spec.withId("request-" + applicationId))).isEmpty();
    }
}
