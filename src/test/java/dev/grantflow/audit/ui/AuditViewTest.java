package dev.grantflow.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import dev.grantflow.audit.AuditAction;
import dev.grantflow.audit.AuditEntry;
import dev.grantflow.audit.AuditOutcome;
import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.testing.KaribuTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class AuditViewTest extends KaribuTestSupport {

    @LocalServerPort
    int port;

    String applicationName;
    AuditView view;

    @BeforeEach
    void publishApplicationAndOpenLog() {
        Person admin = fixtures.person("Ada Admin", null, true);
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.MANAGER, null);
        applicationName = form.getName();
        fixtures.publish(form, admin);
        signIn(admin, true);
        UI.getCurrent().navigate(AuditView.class);
        view = _get(AuditView.class);
    }

    @Test
    void adminSeesRowsOfApplication() {
        view.target.setValue(applicationName);

        assertThat(rows()).extracting(AuditEntry::action).containsExactlyInAnyOrder(AuditAction.APPLICATION_CREATED,
                AuditAction.APPLICATION_PUBLISHED, AuditAction.CONNECTION_STATUS_CHANGED);
        assertThat(view.emptyState.isVisible()).isFalse();
    }

    @Test
    void actionFilterNarrowsRows() {
        view.target.setValue(applicationName);

        view.action.setValue(AuditAction.APPLICATION_PUBLISHED);

        assertThat(rows()).singleElement().extracting(AuditEntry::actorName).isEqualTo("Ada Admin");
    }

    @Test
    void actorFilterNarrowsRows() {
        view.target.setValue(applicationName);

        view.actor.setValue("ada");

        assertThat(rows()).extracting(AuditEntry::action).containsExactlyInAnyOrder(AuditAction.APPLICATION_CREATED,
                AuditAction.APPLICATION_PUBLISHED);
    }

    @Test
    void outcomeFilterNarrowsRows() {
        view.target.setValue(applicationName);

        view.outcome.setValue(AuditOutcome.FAILURE);

        assertThat(rows()).isEmpty();
    }

    @Test
    void futureDateRangeShowsNoRows() {
        view.target.setValue(applicationName);

        view.from.setValue(LocalDate.now().plusDays(2));

        assertThat(rows()).isEmpty();
    }

    @Test
    void todayDateRangeShowsRows() {
        view.target.setValue(applicationName);

        view.from.setValue(LocalDate.now().minusDays(1));
        view.to.setValue(LocalDate.now().plusDays(1));

        assertThat(rows()).hasSize(3);
    }

    @Test
    void noMatchesExplainsWhatToDo() {
        view.target.setValue("No such target " + UUID.randomUUID());

        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getText()).isEqualTo(AuditView.NO_MATCHES);
    }

    @Test
    void exportDownloadsFilteredRows() {
        view.target.setValue(applicationName);
        view.action.setValue(AuditAction.APPLICATION_PUBLISHED);

        String csv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains(",APPLICATION_PUBLISHED,APPLICATION,");
    }

    @Test
    void requesterCannotOpenAuditLog() {
        signIn(fixtures.person("Emma Employee", null, false), false);

        UI.getCurrent().navigate("admin/audit");

        assertThat(_find(AuditView.class)).isEmpty();
        assertThat(_find(H2.class)).extracting(H2::getText).containsExactly("Not allowed");
    }

    private List<AuditEntry> rows() {
        List<AuditEntry> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            rows.add(GridKt._get(view.grid, i));
        }
        return rows;
    }
}
