package dev.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grantflow.sandbox.SandboxProperties;
import dev.grantflow.sandbox.SandboxStore;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An admin adds a Salesforce application from the catalog of templates in Chromium: a bad profile id is
 * marked next to its field, and the corrected form publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationSetupBrowserTest {

    private static final String NAME = "Salesforce for Support";

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties sandbox;

    BrowserSession browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = BrowserSession.start("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        browser.close();
    }

    @Test
    void adminAddsSalesforceApplication() {
        browser.signIn(AccessRequestBrowserTest.ADMIN, AccessRequestBrowserTest.PASSWORD);
        browser.open("admin/applications");
        browser.await(By.id("applications"));
        AxeCheck.assertNoSeriousFindings(browser, "admin applications");

        browser.click(By.id("add-application"));
        browser.click(By.id("template-salesforce"));
        browser.awaitUrlContaining("admin/applications/new-salesforce");
        fillSalesforceForm("00X5g000001AbCd");
        AxeCheck.assertNoSeriousFindings(browser, "application editor");
        browser.click(By.id("publish"));

        browser.await(By.cssSelector("#groups-object-id[invalid]"));
        String error = browser.text(By.cssSelector("#groups-object-id [slot='error-message']"));
        assertThat(error).contains("00X5g000001AbCd");
        browser.screenshot("application-editor-invalid-profile");

        browser.type(By.cssSelector("#groups-object-id input"), SandboxStore.STANDARD_USER_PROFILE_ID);
        browser.click(By.id("publish"));
        browser.awaitUrlContaining("admin/applications");
        browser.awaitText(By.id("applications"), NAME);
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space()='" + NAME + "']"));
        browser.await(By.id("connection"));
        browser.dismissNotifications();
        browser.screenshot("application-editor");
    }

    private void fillSalesforceForm(String profileId) {
        String instance = "http://localhost:" + port + "/sandbox/salesforce";
        browser.type(By.cssSelector("#application-name input"), NAME);
        browser.type(By.cssSelector("#application-description textarea"), "The support team's Salesforce org. New users get the Standard User profile.");
        browser.check(By.id("fulfillment-enabled"));
        browser.type(By.cssSelector("#base-uri input"), instance + "/services/scim/v2");
        browser.type(By.cssSelector("#api-key input"), sandbox.refreshToken());
        browser.type(By.cssSelector("#groups-object-id input"), profileId);
        browser.check(By.id("oauth-enabled"));
        browser.type(By.cssSelector("#token-url input"), instance + "/services/oauth2/token");
        browser.type(By.cssSelector("#client-id input"), sandbox.clientId());
        browser.type(By.cssSelector("#client-secret input"), sandbox.clientSecret());
    }
}
