package dev.grantflow.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Salesforce-like SCIM 2.0 app and OAuth 2.0 token endpoint on 127.0.0.1, with scripted responses and
 * counters. Access tokens are opaque, refresh responses carry no {@code expires_in}, and rotation retires the
 * old refresh token so that a later use fails with invalid_grant.
 */
final class FakeScimServer implements AutoCloseable {

    static final String SCIM_PATH = "/services/scim/v2";
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String CLIENT_ID = "3MVG9fake-consumer-key";
    static final String CLIENT_SECRET = "fake-consumer-secret-7F3A";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final FakeScimDirectory directory = new FakeScimDirectory(mapper);
    final Map<String, ObjectNode> users = directory.users;
    final Map<String, Set<String>> groupMembers = directory.groupMembers;
    final Map<String, AtomicInteger> postsByUserName = directory.postsByUserName;
    final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> issuedSecrets = new CopyOnWriteArrayList<>();
    final List<ScriptedResponse> scripts = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshCount = new AtomicInteger();
    final AtomicInteger retiredRefreshTokenUses = new AtomicInteger();
    final AtomicInteger unauthorizedCount = new AtomicInteger();

    private final Set<String> validAccessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> retiredRefreshTokens = ConcurrentHashMap.newKeySet();
    private volatile String refreshToken = "";
    private volatile boolean rotateRefreshTokens;
    private volatile boolean rejectAccessTokens;
    private volatile @Nullable Long expiresInSeconds;
    private volatile CountDownLatch unauthorizedBeforeRefresh = new CountDownLatch(0);

    /** One request as the fake received it, with the query both decoded and as sent. */
    record ReceivedRequest(String method, String path, @Nullable String query, @Nullable String rawQuery,
            String body, @Nullable String contentType, @Nullable String accept) {
    }

    private FakeScimServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        reset();
    }

    static FakeScimServer start() throws IOException {
        return new FakeScimServer();
    }

    URI scimBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SCIM_PATH);
    }

    URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH);
    }

    /** Forgets all users, tokens, scripts and counters, and issues a fresh refresh token. */
    void reset() {
        directory.reset();
        requests.clear();
        scripts.clear();
        validAccessTokens.clear();
        retiredRefreshTokens.clear();
        refreshCount.set(0);
        retiredRefreshTokenUses.set(0);
        unauthorizedCount.set(0);
        rotateRefreshTokens = false;
        rejectAccessTokens = false;
        expiresInSeconds = null;
        unauthorizedBeforeRefresh = new CountDownLatch(0);
        refreshToken = secret("5Aep861refresh");
    }

    String currentRefreshToken() {
        return refreshToken;
    }

    /** Issues an access token that the fake accepts until {@link #expireAccessTokens()}. */
    String issueAccessToken() {
        String token = secret("00DFAKE!AQ");
        validAccessTokens.add(token);
        return token;
    }

    void expireAccessTokens() {
        validAccessTokens.clear();
    }

    /** Makes every SCIM call fail with 401, even with a freshly issued token. */
    void rejectAccessTokens() {
        rejectAccessTokens = true;
    }

    void rotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    void sendExpiresIn(long seconds) {
        expiresInSeconds = seconds;
    }

    /** Makes the token endpoint wait until {@code count} calls got 401, so those threads overlap the refresh. */
    void holdRefreshUntilUnauthorized(int count) {
        unauthorizedBeforeRefresh = new CountDownLatch(count);
    }

    void script(ScriptedResponse response) {
        scripts.add(response);
    }

    ObjectNode addUser(String userName, boolean active, String... entitlements) {
        return directory.addUser(userName, active, entitlements);
    }

    List<ReceivedRequest> requests(String method, String pathPrefix) {
        return requests.stream()
                .filter(request -> request.method().equals(method) && request.path().startsWith(pathPrefix))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String secret(String prefix) {
        String value = prefix + UUID.randomUUID().toString().replace("-", "");
        issuedSecrets.add(value);
        return value;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new ReceivedRequest(method, path, exchange.getRequestURI().getQuery(),
                    exchange.getRequestURI().getRawQuery(), body,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept")));
            if (path.equals(TOKEN_PATH)) {
                answerScriptedOr(exchange, method, path, () -> handleToken(exchange, body));
                return;
            }
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            boolean accepted = bearer != null && validAccessTokens.contains(bearer.replaceFirst("^Bearer ", ""));
            if (!accepted || rejectAccessTokens) {
                unauthorizedCount.incrementAndGet();
                unauthorizedBeforeRefresh.countDown();
                FakeHttp.sendScim(exchange, 401,
                        "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
                return;
            }
            String relative = path.substring(SCIM_PATH.length());
            answerScriptedOr(exchange, method, relative, () -> directory.handle(exchange, method, relative, body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up, for example after its read timeout.
        }
    }

    private interface Handler {
        void run() throws IOException, InterruptedException;
    }

    private void answerScriptedOr(HttpExchange exchange, String method, String path, Handler fallback)
            throws IOException, InterruptedException {
        ScriptedResponse scripted = scripts.stream().filter(s -> s.matches(method, path)).findFirst().orElse(null);
        if (scripted == null || !scripts.remove(scripted)) {
            fallback.run();
            return;
        }
        if (scripted.holdUntil() != null) {
            scripted.holdUntil().await(30, TimeUnit.SECONDS);
        }
        FakeHttp.sendScripted(exchange, scripted);
    }

    private void handleToken(HttpExchange exchange, String body) throws IOException, InterruptedException {
        Map<String, String> form = FakeHttp.parseForm(body);
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            FakeHttp.sendJson(exchange, 400,
                    "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}");
            return;
        }
        String presented = form.getOrDefault("refresh_token", "");
        if (!"refresh_token".equals(form.get("grant_type")) || !presented.equals(refreshToken)) {
            if (retiredRefreshTokens.contains(presented)) {
                retiredRefreshTokenUses.incrementAndGet();
            }
            FakeHttp.sendJson(exchange, 400,
                    "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}");
            return;
        }
        unauthorizedBeforeRefresh.await(10, TimeUnit.SECONDS);
        refreshCount.incrementAndGet();
        ObjectNode response = mapper.createObjectNode();
        response.put("access_token", issueAccessToken());
        if (rotateRefreshTokens) {
            retiredRefreshTokens.add(refreshToken);
            refreshToken = secret("5Aep861rotated");
            response.put("refresh_token", refreshToken);
        }
        response.put("signature", "fakeSignature=");
        response.put("scope", "api refresh_token");
        response.put("instance_url", "http://127.0.0.1");
        response.put("id", "http://127.0.0.1/id/00DFAKE/005FAKE");
        response.put("token_type", "Bearer");
        response.put("issued_at", String.valueOf(System.currentTimeMillis()));
        if (expiresInSeconds != null) {
            response.put("expires_in", expiresInSeconds);
        }
        FakeHttp.sendJson(exchange, 200, mapper.writeValueAsString(response));
    }
}
