package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.grantflow.catalog.ApplicationForm;
import dev.grantflow.catalog.ApproverType;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.directory.DirectoryService;
import dev.grantflow.directory.Person;
import dev.grantflow.request.RequestService;
import dev.grantflow.request.RequestStatus;
import dev.grantflow.request.RequestView;
import dev.grantflow.sandbox.SandboxAuthorizeController;
import dev.grantflow.sandbox.SandboxProperties;
import dev.grantflow.sandbox.SandboxStore;
import dev.grantflow.security.SealedSecret;
import dev.grantflow.security.SecretCipher;
import dev.grantflow.security.SystemActor;
import dev.grantflow.testing.TestFixtures;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Connect to Salesforce" over real HTTP: an admin signs in with the form login, starts the flow, decides
 * on the sandbox's consent page, and comes back through Grantflow's callback to the connection view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SalesforceConnectFlowTest {

    private static final String PASSWORD = "connect-test-password";

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    DirectoryService directory;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    CatalogService catalog;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SandboxStore sandbox;
    @Autowired
    SandboxProperties sandboxProperties;
    @Autowired
    ConnectOutcomes outcomes;
    @Autowired
    RequestService requests;

    Person admin;
    TestBrowser browser;

    @BeforeEach
    void signInAsAdmin() throws Exception {
        admin = fixtures.person("Ada Admin", null, true);
        admin.setPasswordHash(passwordEncoder.encode(PASSWORD));
        admin = directory.save(admin);
        browser = new TestBrowser(port);
        browser.signIn(admin.getEmail(), PASSWORD);
    }

    @AfterEach
    void restoreSandbox() {
        sandbox.setRefreshToken(sandboxProperties.refreshToken());
    }

    @Test
    void allowStoresNewRefreshTokenInDraft() throws Exception {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));
        String keyBefore = draftApiKey(app);

        HttpResponse<String> end = connect(app, "allow");

        assertThat(end.uri().getPath()).isEqualTo("/admin/applications/" + app + "/connection");
        String keyAfter = draftApiKey(app);
        assertThat(keyAfter).isNotEqualTo(keyBefore);
        assertThat(keyAfter).isNotEqualTo(sandboxProperties.refreshToken());
        ConnectOutcome outcome = outcomes.take(admin.getId(), app).orElseThrow();
        assertThat(outcome.connected()).isTrue();
        assertThat(outcome.message()).contains("Connected as user " + SandboxStore.API_USER_ID).contains("publish");
    }

    @Test
    void connectedTokenProvisionsAfterPublish() throws Exception {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));
        sandbox.revokeRefreshTokens();

        connect(app, "allow");
        SystemActor.callAsAdmin(() -> catalog.publish(app, admin.getId()));
        Person employee = fixtures.person("Emma Employee", null, false);
        RequestView request = requests.submit(employee.getId(), app, "Need access");

        await().atMost(Duration.ofSeconds(30)).until(() -> requests.get(request.id()).status() == RequestStatus.PROVISIONED);
    }

    @Test
    void deniedConsentEndsWithMessage() throws Exception {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));
        String keyBefore = draftApiKey(app);

        HttpResponse<String> end = connect(app, "deny");

        assertThat(end.uri().getPath()).isEqualTo("/admin/applications/" + app + "/connection");
        ConnectOutcome outcome = outcomes.take(admin.getId(), app).orElseThrow();
        assertThat(outcome.connected()).isFalse();
        assertThat(outcome.message()).contains("access_denied").contains("choose Allow");
        assertThat(draftApiKey(app)).isEqualTo(keyBefore);
    }

    @Test
    void wrongClientSecretEndsWithMessage() throws Exception {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setNewClientSecret("wrong-secret");
        long app = draft(form);
        String keyBefore = draftApiKey(app);

        connect(app, "allow");

        ConnectOutcome outcome = outcomes.take(admin.getId(), app).orElseThrow();
        assertThat(outcome.connected()).isFalse();
        assertThat(outcome.message()).contains("invalid_client").contains("Client secret");
        assertThat(draftApiKey(app)).isEqualTo(keyBefore);
    }

    @Test
    void foreignStateEndsWithMessage() throws Exception {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));

        HttpResponse<String> callback = browser.get(SalesforceConnect.CALLBACK_PATH + "/app-" + app + "?code=abc&state=forged");
        browser.followRedirects(callback, 5);

        ConnectOutcome outcome = outcomes.take(admin.getId(), app).orElseThrow();
        assertThat(outcome.message()).contains(ConnectErrors.STATE_MISMATCH);
    }

    @Test
    void incompleteDraftExplainsWhy() throws Exception {
        ApplicationForm form = fixtures.sandboxForm(port, ApproverType.NONE, null);
        form.setOauthEnabled(false);
        long app = draft(form);

        HttpResponse<String> start = browser.get("/" + SalesforceConnect.startPath(app));

        assertThat(TestBrowser.location(start)).endsWith("/admin/applications/" + app + "/connection");
        assertThat(outcomes.take(admin.getId(), app).orElseThrow().message()).contains("Turn on OAuth 2.0");
    }

    @Test
    void employeeCannotStart() throws Exception {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));
        Person employee = fixtures.person("Eli Employee", null, false);
        employee.setPasswordHash(passwordEncoder.encode(PASSWORD));
        directory.save(employee);
        TestBrowser employeeBrowser = new TestBrowser(port);
        employeeBrowser.signIn(employee.getEmail(), PASSWORD);

        HttpResponse<String> start = employeeBrowser.get("/" + SalesforceConnect.startPath(app));

        assertThat(start.statusCode()).isEqualTo(403);
    }

    @Test
    void visitorIsSentToSignIn() throws Exception {
        long app = draft(fixtures.sandboxForm(port, ApproverType.NONE, null));

        HttpResponse<String> start = new TestBrowser(port).get("/" + SalesforceConnect.startPath(app));

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(start)).endsWith("/login");
    }

    /** Runs the flow from the start link to the connection view, choosing {@code decision} on the consent page. */
    private HttpResponse<String> connect(long app, String decision) throws Exception {
        HttpResponse<String> start = browser.get("/" + SalesforceConnect.startPath(app));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(TestBrowser.location(start));
        assertThat(authorize.getPath()).isEqualTo(SandboxAuthorizeController.AUTHORIZE_PATH);
        assertThat(authorize.getRawQuery()).contains("code_challenge=").contains("code_challenge_method=S256");
        String redirectUri = "http://localhost:" + port + SalesforceConnect.CALLBACK_PATH + "/app-" + app;
        assertThat(authorize.getQuery()).contains("redirect_uri=" + redirectUri + "&");

        HttpResponse<String> consent = browser.get(authorize.toString());
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Allow").contains("Deny");

        // The consent form carries the authorization request's parameters, as the browser would post them.
        HttpResponse<String> answer = browser.postEncoded(SandboxAuthorizeController.AUTHORIZE_PATH,
                authorize.getRawQuery() + "&decision=" + decision);
        assertThat(TestBrowser.location(answer)).contains(SalesforceConnect.CALLBACK_PATH + "/app-" + app);
        return browser.followRedirects(answer, 5);
    }

    private long draft(ApplicationForm form) {
        return SystemActor.callAsAdmin(() -> catalog.create(form, admin.getId()));
    }

    private String draftApiKey(long app) {
        SealedSecret sealed = SystemActor.callAsAdmin(() -> catalog.draftConnection(app).apiKey());
        return cipher.open(Objects.requireNonNull(sealed));
    }
}
