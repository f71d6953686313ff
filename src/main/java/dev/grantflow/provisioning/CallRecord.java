package dev.grantflow.provisioning;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP call to a SCIM app or its token endpoint. The constructor redacts {@code path} and {@code message},
 * and Grantflow puts no token or secret into the other fields.
 *
 * @param at        start of the call
 * @param method    HTTP method
 * @param path      request path with the decoded query, for example {@code /services/scim/v2/Users?filter=...}
 * @param status    HTTP status, or 0 when no response arrived
 * @param duration  time from sending the request to reading the whole response
 * @param errorCode Salesforce errorCode, SCIM scimType or OAuth 2.0 error code, when the response carried one
 * @param message   outcome in one sentence, redacted
 */
public record CallRecord(
        Instant at,
        String method,
        String path,
        int status,
        Duration duration,
        @Nullable String errorCode,
        String message) {

    public CallRecord {
        message = Redactor.redact(message);
        path = Redactor.redact(path);
    }
}
