package dev.grantflow.sandbox;

import java.time.Duration;

/**
 * A failure that the sandbox injects into the next {@code times} requests that {@code operation} matches.
 * Each request consumes at most one fault, the first queued one that matches it.
 *
 * @param operation kind of request that the fault applies to
 * @param effect action taken on a matching request
 * @param times number of matching requests that get the fault, at least 1
 */
public record SandboxFault(SandboxOperation operation, Effect effect, int times) {

    static final String SCIM_JSON = "application/scim+json";
    static final String PLAIN_JSON = "application/json";

    public SandboxFault {
        if (times < 1) {
            throw new IllegalArgumentException("A fault applies to at least 1 request, got times=" + times);
        }
    }

    /** Responds with {@code status} and {@code body} in place of handling the request. */
    public static SandboxFault status(SandboxOperation operation, int status, String contentType, String body) {
        return new SandboxFault(operation, new Respond(status, contentType, body), 1);
    }

    /** Responds 503 with an HTML page, like the error page of a load balancer or proxy. */
    public static SandboxFault serviceUnavailable(SandboxOperation operation) {
        return status(operation, 503, "text/html", "<html>Service Unavailable</html>");
    }

    /** Responds 502 with an HTML page, like the error page of a proxy that cannot reach its backend. */
    public static SandboxFault badGateway(SandboxOperation operation) {
        return status(operation, 502, "text/html", "<html>Bad Gateway</html>");
    }

    /** Responds 403 REQUEST_LIMIT_EXCEEDED in the Salesforce REST error shape. */
    public static SandboxFault requestLimitExceeded(SandboxOperation operation) {
        String contentType = operation == SandboxOperation.TOKEN ? PLAIN_JSON : SCIM_JSON;
        String body = "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]";
        return status(operation, 403, contentType, body);
    }

    /** Waits {@code delay} before handling the request, so clients can test their timeouts. */
    public static SandboxFault delay(SandboxOperation operation, Duration delay) {
        return new SandboxFault(operation, new Delay(delay), 1);
    }

    /**
     * Handles the request but sends only the first half of the JSON body. State changes of the request
     * still apply, as when a connection drops after Salesforce has committed.
     */
    public static SandboxFault truncatedJson(SandboxOperation operation) {
        return new SandboxFault(operation, new TruncateJson(), 1);
    }

    /**
     * Handles the request and pads the JSON body with trailing spaces to {@code totalBytes}. The body
     * stays valid JSON, so only a client's body size limit can reject it.
     */
    public static SandboxFault oversizedBody(SandboxOperation operation, int totalBytes) {
        return new SandboxFault(operation, new PadBody(totalBytes), 1);
    }

    /** Returns this fault applied to the next {@code count} matching requests in place of one. */
    public SandboxFault times(int count) {
        return new SandboxFault(operation, effect, count);
    }

    /** Action that a fault takes on a matching request. */
    public sealed interface Effect permits Respond, Delay, TruncateJson, PadBody {
    }

    /** A response with {@code status}, sent in place of handling the request. */
    public record Respond(int status, String contentType, String body) implements Effect {

        public Respond {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("HTTP status must be between 100 and 599, got " + status);
            }
        }
    }

    /** A wait before the request is handled. */
    public record Delay(Duration duration) implements Effect {

        public Delay {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("Delay must not be negative, got " + duration);
            }
        }
    }

    /** A cut of the response body to half its length. */
    public record TruncateJson() implements Effect {
    }

    /** Trailing spaces that grow the response body to {@code totalBytes}. */
    public record PadBody(int totalBytes) implements Effect {

        public PadBody {
            if (totalBytes < 1) {
                throw new IllegalArgumentException("Padded body size must be at least 1 byte, got " + totalBytes);
            }
        }
    }
}
