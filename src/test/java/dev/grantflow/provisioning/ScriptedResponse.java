package dev.grantflow.provisioning;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Response that {@link FakeScimServer} sends once, to the first request whose method matches and whose path
 * starts with {@code pathPrefix} (relative to the SCIM base, or the token path).
 *
 * @param declaredLength Content-Length to announce: -1 for the real length, 0 for chunked transfer, or a larger
 *                       value to cut the body off
 * @param holdUntil      latch that the server waits for before answering, to provoke a read timeout
 */
record ScriptedResponse(String method, String pathPrefix, int status, String contentType, byte[] body,
        long declaredLength, @Nullable CountDownLatch holdUntil) {

    static ScriptedResponse json(String method, String pathPrefix, int status, String json) {
        return new ScriptedResponse(method, pathPrefix, status, "application/json;charset=UTF-8",
                json.getBytes(StandardCharsets.UTF_8), -1, null);
    }

    static ScriptedResponse html(String method, String pathPrefix, int status, String html) {
        return new ScriptedResponse(method, pathPrefix, status, "text/html;charset=UTF-8",
                html.getBytes(StandardCharsets.UTF_8), -1, null);
    }

    ScriptedResponse chunked() {
        return new ScriptedResponse(method, pathPrefix, status, contentType, body, 0, holdUntil);
    }

    ScriptedResponse declaringLength(long length) {
        return new ScriptedResponse(method, pathPrefix, status, contentType, body, length, holdUntil);
    }

    ScriptedResponse heldUntil(CountDownLatch latch) {
        return new ScriptedResponse(method, pathPrefix, status, contentType, body, declaredLength, latch);
    }

    boolean matches(String requestMethod, String relativePath) {
        return method.equals(requestMethod) && relativePath.startsWith(pathPrefix);
    }
}
