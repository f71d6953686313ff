package dev.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.testing.TestFixtures;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The request flow in Chromium with the demo accounts: sign-in, catalog, inbox and request page, for each
 * approver type, a rejection, a revocation, and an admin route a requester may not open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRequestBrowserTest {

    static final String PASSWORD = "demo";
    static final String ADMIN = "admin@grantflow.example";
    static final String OWNER = "owner@grantflow.example";
    static final String MANAGER = "manager@grantflow.example";
    static final String EMPLOYEE = "emma@grantflow.example";

    private static final Duration PROVISIONING_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    DirectoryService directory;
    @Autowired
    RequestService requests;

    BrowserSession browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = BrowserSession.start("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        browser.close();
    }

    // MANAGER_AND_APPLICATION_OWNER has its own test below, which also checks accessibility.
    @ParameterizedTest
    @EnumSource(value = ApproverType.class, names = {"NONE", "MANAGER", "APPLICATION_OWNER"})
    void approvedRequestReachesProvisioned(ApproverType approverType) {
        long app = publish("CRM, " + approverType.displayName() + " approval", approverType);
        long request = submitAsEmployee(app, "Pipeline reviews with the sales team");

        if (approverType.includesManager()) {
            decide(MANAGER, request, true, "");
        }
        if (approverType.includesOwner()) {
            decide(OWNER, request, true, "");
        }

        awaitStatus(request, RequestStatus.PROVISIONED);
        browser.signIn(EMPLOYEE, PASSWORD);
        openRequest(request);
        browser.awaitText(By.id("request-status"), "Provisioned");
        browser.screenshot("provisioned-" + approverType.name().toLowerCase());
    }

    @Test
    void managerAndOwnerApprovalReachesProvisioned() {
        long app = publish("Sales Cloud", ApproverType.MANAGER_AND_APPLICATION_OWNER);
        browser.signOut();
        browser.open("login");
        AxeCheck.assertNoSeriousFindings(browser, "login");
        browser.screenshot("login");
        browser.signIn(EMPLOYEE, PASSWORD);
        browser.open("");
        AxeCheck.assertNoSeriousFindings(browser, "catalog");
        browser.screenshot("catalog");
        long request = submitAsEmployee(app, "Forecast reviews with the regional sales team");

        browser.signIn(MANAGER, PASSWORD);
        browser.open("inbox");
        browser.await(By.id("approve-" + request));
        assertThat(browser.driver().findElement(By.id("inbox-pending-count")).getAttribute("aria-label")).endsWith(" pending");
        AxeCheck.assertNoSeriousFindings(browser, "inbox");
        browser.screenshot("inbox");
        decide(MANAGER, request, true, "Approved for the forecast cycle.");

        browser.signIn(EMPLOYEE, PASSWORD);
        openRequest(request);
        browser.await(By.cssSelector("#approval-path [data-step='ownerApproval'].current"));
        browser.await(By.cssSelector("#approval-path [data-step='managerApproval'].completed"));
        AxeCheck.assertNoSeriousFindings(browser, "request page");
        browser.screenshot("request-page");

        decide(OWNER, request, true, "");
        awaitStatus(request, RequestStatus.PROVISIONED);
        browser.signIn(EMPLOYEE, PASSWORD);
        openRequest(request);
        browser.awaitText(By.id("request-status"), "Provisioned");
        browser.await(By.cssSelector("#approval-path [data-step='accessProvisioned'].completed"));
        browser.await(By.cssSelector("#approval-path [data-step='requestRejected'].skipped"));
        browser.screenshot("provisioned-manager_and_application_owner");
    }

    @Test
    void rejectionShowsComment() {
        long app = publish("Finance reports", ApproverType.MANAGER);
        long request = submitAsEmployee(app, "Month-end close");

        decide(MANAGER, request, false, "Finance reports are for the finance team only.");

        browser.signIn(EMPLOYEE, PASSWORD);
        openRequest(request);
        browser.awaitText(By.id("request-status"), "Rejected");
        assertThat(browser.text(By.id("history"))).contains("Finance reports are for the finance team only.");
        browser.screenshot("rejected-with-comment");
    }

    @Test
    void requesterRevokesOwnAccess() {
        long app = publish("Wiki", ApproverType.NONE);
        long request = submitAsEmployee(app, "Team documentation");
        awaitStatus(request, RequestStatus.PROVISIONED);

        openRequest(request);
        browser.click(By.id("revoke-access"));
        browser.click(By.cssSelector("[slot='confirm-button']"));
        awaitStatus(request, RequestStatus.REVOKED);

        openRequest(request);
        browser.awaitText(By.id("request-status"), "Revoked");
        browser.screenshot("revoked");
    }

    @Test
    void requesterCannotOpenAdminRoute() {
        browser.signIn(EMPLOYEE, PASSWORD);

        browser.open("admin/applications");

        browser.awaitText(By.tagName("h2"), "Not allowed");
        assertThat(browser.driver().findElements(By.id("add-application"))).isEmpty();
        browser.screenshot("admin-route-not-allowed");
    }

    private long publish(String name, ApproverType approverType) {
        Person admin = directory.findByEmail(ADMIN).orElseThrow();
        Person owner = directory.findByEmail(OWNER).orElseThrow();
        ApplicationForm form = fixtures.sandboxForm(port, approverType, owner);
        form.setName(name);
        form.setDescription("Salesforce sandbox org for the " + name + " team.");
        return fixtures.publish(form, admin);
    }

    /** Requests access in the catalog as the demo employee and returns the new request's id. */
    private long submitAsEmployee(long app, String justification) {
        browser.signIn(EMPLOYEE, PASSWORD);
        browser.open("");
        browser.click(By.id("request-" + app));
        browser.type(By.cssSelector("#justification textarea"), justification);
        browser.click(By.id("submit-request"));
        browser.awaitUrlContaining("/requests/");
        browser.await(By.id("request-status"));
        String url = browser.driver().getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private void decide(String approver, long request, boolean approve, String comment) {
        browser.signIn(approver, PASSWORD);
        browser.open("inbox");
        browser.click(By.id((approve ? "approve-" : "reject-") + request));
        if (!comment.isEmpty()) {
            browser.type(By.cssSelector("#decision-comment textarea"), comment);
        }
        browser.click(By.id("confirm-decision"));
        browser.awaitGone(By.id("approve-" + request));
    }

    private void openRequest(long request) {
        browser.open("requests/" + request);
        browser.await(By.id("request-status"));
    }

    private void awaitStatus(long request, RequestStatus status) {
        await().atMost(PROVISIONING_TIMEOUT).until(() -> requests.get(request).status() == status);
    }
}
