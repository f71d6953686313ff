package dev.grantflow.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import dev.grantflow.approval.ApprovalService;
import dev.grantflow.approval.ApprovalTask;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.testing.KaribuTestSupport;
import dev.grantflow.testing.TestFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class RequestDetailViewTest extends KaribuTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    RequestService requests;
    @Autowired
    ApprovalService approvals;

    @Test
    void pageRefreshesWhenStatusChanges() {
        Person admin = fixtures.person("Ada Admin", null, true);
        Person manager = fixtures.person("Maria Manager", null, false);
        Person employee = fixtures.person("Emma Employee", manager, false);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.MANAGER, null), admin);
        signIn(employee, false);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        UI.getCurrent().navigate(RequestDetailView.class, RequestDetailView.parameters(request.id()));
        assertThat(UI.getCurrent().getPollInterval()).isPositive();
        ApprovalTask task = approvals.inbox(TestFixtures.signedIn(manager), 0, 10).getFirst();
        approvals.decide(task.taskId(), TestFixtures.signedIn(manager), true, "");
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.get(request.id()).status() == RequestStatus.PROVISIONED);

        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertThat(_find(StatusBadge.class)).extracting(StatusBadge::getText).containsExactly("Provisioned");
    }

    @Test
    void finishedRequestStopsPolling() {
        Person admin = fixtures.person("Ada Admin", null, true);
        Person employee = fixtures.person("Emma Employee", null, false);
        long app = fixtures.publish(fixtures.sandboxForm(port, ApproverType.NONE, null), admin);
        signIn(employee, false);
        RequestView request = requests.submit(employee.getId(), app, "Need access");
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.get(request.id()).status() == RequestStatus.PROVISIONED);

        UI.getCurrent().navigate(RequestDetailView.class, RequestDetailView.parameters(request.id()));

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }
}
