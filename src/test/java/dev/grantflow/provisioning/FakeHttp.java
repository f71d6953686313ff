package dev.grantflow.provisioning;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Request parsing and response writing for the fake SCIM app and token endpoint.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    static void sendScim(HttpExchange exchange, int status, String json) throws IOException {
        sendAs(exchange, status, json, "application/scim+json;charset=UTF-8");
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        sendAs(exchange, status, json, "application/json;charset=UTF-8");
    }

    private static void sendAs(HttpExchange exchange, int status, String json, String contentType)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends a scripted response, cutting the connection when the script declares more bytes than it has. */
    static void sendScripted(HttpExchange exchange, ScriptedResponse scripted) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", scripted.contentType());
        long length = scripted.declaredLength() == -1 ? scripted.body().length : scripted.declaredLength();
        exchange.sendResponseHeaders(scripted.status(), length);
        OutputStream out = exchange.getResponseBody();
        out.write(scripted.body());
        out.flush();
        if (length > scripted.body().length) {
            // An exception from the handler makes the JDK server drop the connection, so the client sees the
            // body end early. Closing the stream instead would keep the connection open until a timeout.
            throw new CutOffResponse();
        }
        out.close();
    }

    private static final class CutOffResponse extends RuntimeException {

        CutOffResponse() {
            super("response cut off on purpose", null, false, false);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
