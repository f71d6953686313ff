package dev.grantflow.directory;

import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider for tests (mock-oauth2-server on a loopback port) and a browser-like
 * client that follows the sign-in redirects between Grantflow and the provider, keeping cookies.
 */
final class OidcTestSupport {

    static final String REGISTRATION = "idp";
    static final String CLIENT_ID = "grantflow-test";
    static final String ADMIN_GROUP = "grantflow-admins";

    private static final MockOAuth2Server PROVIDER = startProvider();

    private OidcTestSupport() {
    }

    private static MockOAuth2Server startProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    /** Configures Grantflow to sign in through the test provider. */
    static void register(DynamicPropertyRegistry registry, boolean autoCreate) {
        String prefix = "spring.security.oauth2.client.registration." + REGISTRATION;
        registry.add(prefix + ".client-id", () -> CLIENT_ID);
        registry.add(prefix + ".client-secret", () -> "test-client-secret");
        registry.add(prefix + ".scope", () -> "openid,email,profile");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
                () -> PROVIDER.issuerUrl("default").toString());
        registry.add("grantflow.security.oidc.registration-id", () -> REGISTRATION);
        registry.add("grantflow.security.oidc.admin-group", () -> ADMIN_GROUP);
        registry.add("grantflow.security.oidc.manager-claim", () -> "manager_email");
        registry.add("grantflow.security.oidc.auto-create", () -> String.valueOf(autoCreate));
    }

    /**
     * Signs in through the provider, which issues a token with the given claims, and returns where Grantflow
     * finally redirects the browser: the app's start page on success, the sign-in page with a reason otherwise.
     */
    static URI signIn(int port, Map<String, Object> claims) throws IOException, InterruptedException {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("default", String.valueOf(claims.get("email")),
                JOSEObjectType.JWT.getType(), List.of(CLIENT_ID), claims, 3600));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = URI.create("http://localhost:" + port + "/oauth2/authorization/" + REGISTRATION);
        for (int hop = 0; hop < 6; hop++) {
            HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() != 302 || location == null) {
                return next;
            }
            URI target = next.resolve(location);
            if (target.getPort() == port && !target.getPath().startsWith("/login/oauth2/code/")
                    && !target.getPath().startsWith("/oauth2/")) {
                return target;
            }
            next = target;
        }
        throw new IllegalStateException("Sign-in did not finish within 6 redirects, last address " + next);
    }
}
