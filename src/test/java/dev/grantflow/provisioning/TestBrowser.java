package dev.grantflow.provisioning;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for tests over real HTTP: keeps cookies, follows no redirects by itself, and signs in with
 * Grantflow's form login, sending the CSRF token from the sign-in page.
 */
final class TestBrowser {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    TestBrowser(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Signs in and fails unless the login form accepts the credentials. */
    void signIn(String email, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        String token = find(CSRF_META, page, "CSRF token");
        String parameter = find(CSRF_PARAMETER_META, page, "CSRF parameter name");
        HttpResponse<String> response = post("/login", Map.of("username", email, "password", password, parameter, token));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Signing in as " + email + " failed: HTTP " + response.statusCode() + " to " + location);
        }
    }

    HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form) throws IOException, InterruptedException {
        return postEncoded(pathOrUrl, form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&")));
    }

    HttpResponse<String> postEncoded(String pathOrUrl, String encodedForm) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Follows at most {@code maxRedirects} redirects from {@code response} and returns the last response. */
    HttpResponse<String> followRedirects(HttpResponse<String> response, int maxRedirects)
            throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int i = 0; i < maxRedirects && current.statusCode() / 100 == 3; i++) {
            current = get(location(current));
        }
        return current;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("HTTP " + response.statusCode() + " has no Location header"));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String find(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("The sign-in page has no " + what);
        }
        return matcher.group(1);
    }
}
