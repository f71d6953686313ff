package dev.grantflow.provisioning;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

import dev.grantflow.provisioning.ProvisioningException.Kind;
import dev.grantflow.provisioning.ResponseSizeLimit.ResponseTooLargeException;

/**
 * Classifies failed calls to SCIM apps and token endpoints into {@link Kind}s, with messages that name the
 * value at fault and the fix. {@code operation} arguments read like {@code POST /Users}.
 */
final class ScimErrors {

    static final String UNIQUENESS = "uniqueness";

    /** OAuth 2.0 error codes that reject the client id or secret. Salesforce sends the two that RFC 6749 lacks. */
    static final Set<String> REJECTED_CLIENT = Set.of("invalid_client_id", "invalid_client",
            "unauthorized_client", "invalid_client_credentials");
    private static final Set<String> TEMPORARY_OAUTH_ERRORS = Set.of("rate_limit_exceeded", "server_error",
            "temporarily_unavailable");

    private ScimErrors() {
    }

    /** Classifies a response with a status other than 2xx and a JSON or empty body. */
    static ProvisioningException fromStatus(ScimTarget target, String operation, int status,
            @Nullable JsonNode body) {
        RemoteError error = RemoteError.from(body);
        String code = error.code();
        String call = "App " + target.appKey() + " returned HTTP " + status + " for " + operation
                + error.describe() + ".";
        if (status == 401) {
            return failure(Kind.AUTHORIZATION, call + " The access token was rejected.", status, error);
        }
        if (status == 403 && "REQUEST_LIMIT_EXCEEDED".equals(code)) {
            return failure(Kind.TRANSIENT, call + " The org has used up its API request limit. "
                    + "Retry later, when the limit allows more calls.", status, error);
        }
        if (status == 429 || status >= 500) {
            return failure(Kind.TRANSIENT, call + " The app is overloaded or unavailable. Retry later.",
                    status, error);
        }
        return permanentFromStatus(target, call, status, error);
    }

    private static ProvisioningException permanentFromStatus(ScimTarget target, String call, int status,
            RemoteError error) {
        String code = error.code();
        String detail = error.detail() == null ? "" : error.detail();
        if ("LICENSE_LIMIT_EXCEEDED".equals(code)) {
            return failure(Kind.PERMANENT, "Salesforce has no free user license for profile "
                    + target.groupsObjectId() + " (LICENSE_LIMIT_EXCEEDED). Free a license by deactivating a "
                    + "user, or buy more licenses, then retry the request.", status, error);
        }
        boolean crossReference = "INVALID_CROSS_REFERENCE_KEY".equals(code)
                || detail.contains("INVALID_CROSS_REFERENCE_KEY");
        if (crossReference && target.kind() == TargetKind.SALESFORCE) {
            return failure(Kind.PERMANENT, "Salesforce rejected profile id " + target.groupsObjectId()
                    + " (INVALID_CROSS_REFERENCE_KEY). Check the Groups Object ID of the app: it must be the "
                    + "id of an existing profile.", status, error);
        }
        // NOTE: DUPLICATE_USERNAME is the Salesforce API error code. Whether Salesforce SCIM sends it, or only a
        // 409, was tested against the fake app only, not against a real org.
        if (status == 409 || UNIQUENESS.equals(code) || "DUPLICATE_USERNAME".equals(code)) {
            String conflictCode = code == null ? UNIQUENESS : code;
            return new ProvisioningException(Kind.PERMANENT, call + " A resource with the same unique value "
                    + "exists already.", status, conflictCode, error.detail(), null);
        }
        if (status == 404) {
            return failure(Kind.PERMANENT, call + " Check the SCIM base URL of the app and the id in the "
                    + "request.", status, error);
        }
        if (status == 403) {
            return failure(Kind.PERMANENT, call + " Check that the integration user may manage users "
                    + "through SCIM.", status, error);
        }
        return failure(Kind.PERMANENT, call + " Fix the value named in the error, then retry the request.",
                status, error);
    }

    /** Whether the failure reports that a unique value, usually the userName, is already in use. */
    static boolean isUniquenessConflict(ProvisioningException failure) {
        String code = failure.errorCode();
        return failure.httpStatus() == 409 || UNIQUENESS.equals(code) || "DUPLICATE_USERNAME".equals(code);
    }

    /** Classifies a body that is not JSON, such as an HTML page from a proxy, as transient. */
    static ProvisioningException notJson(ScimTarget target, String operation, RawResponse response) {
        return new ProvisioningException(Kind.TRANSIENT, "App " + target.appKey() + " returned HTTP "
                + response.status() + " for " + operation + " with a " + response.contentType() + " body instead "
                + "of JSON, probably from a proxy or gateway. Retry later. If this persists, check the SCIM base "
                + "URL of the app.", response.status(), null, null, null);
    }

    /** Classifies a body that claims to be JSON but does not parse, usually because it was cut off. */
    static ProvisioningException invalidJson(ScimTarget target, String operation, int status,
            RuntimeException cause) {
        return new ProvisioningException(Kind.TRANSIENT, "App " + target.appKey() + " returned HTTP " + status
                + " for " + operation + " with invalid or truncated JSON. Retry later.", status, null, null, cause);
    }

    /** Classifies valid JSON that is not the expected SCIM message. */
    static ProvisioningException unexpectedJson(ScimTarget target, String operation, int status,
            String expected, RuntimeException cause) {
        return new ProvisioningException(Kind.PERMANENT, "App " + target.appKey() + " returned JSON for "
                + operation + " that is not a SCIM " + expected + ". Check that the SCIM base URL of the app points "
                + "at a SCIM 2.0 endpoint.", status, null, null, cause);
    }

    /** Fails a call whose retry with a freshly refreshed access token was rejected too. */
    static ProvisioningException freshTokenRejected(ScimTarget target, String operation,
            ProvisioningException rejection) {
        return new ProvisioningException(Kind.AUTHORIZATION, "App " + target.appKey() + " rejected a freshly "
                + "refreshed access token for " + operation + " with HTTP 401. Check that the integration user "
                + "is active and allowed to use the connected app, then authorize Grantflow for the app again.",
                401, rejection.errorCode(), rejection.remoteDetail(), rejection);
    }

    /**
     * Classifies a call that got no complete response, after a refused or reset connection, a timeout or the
     * size limit. {@code urlSetting} names the setting to check, such as {@code SCIM base URL}.
     */
    static ProvisioningException fromTransportFailure(ScimTarget target, String operation, URI uri,
            String urlSetting, Exception failure, ProvisioningProperties properties) {
        String peer = "app " + target.appKey() + " at " + uri.getHost() + ":" + port(uri);
        String message = switch (rootTransportCause(failure)) {
            case ResponseTooLargeException tooLarge -> "The response of " + peer + " to " + operation
                    + " exceeded the limit of " + ResponseSizeLimit.describe(tooLarge.limit())
                    + " (grantflow.provisioning.max-response-size), so Grantflow stopped reading it. Retry later, "
                    + "or raise the limit if the app sends such large responses on purpose.";
            case HttpConnectTimeoutException timeout -> "Connecting to " + peer + " for " + operation
                    + " timed out after " + describe(properties.connectTimeout())
                    + " (grantflow.provisioning.connect-timeout). Check the " + urlSetting + " and the network, or "
                    + "retry later.";
            case HttpTimeoutException timeout -> "No response from " + peer + " to " + operation + " within "
                    + describe(properties.readTimeout()) + " (grantflow.provisioning.read-timeout). Retry later.";
            case ConnectException refused -> "The connection to " + peer + " for " + operation + " was refused. "
                    + "Check the " + urlSetting + " of the app, or retry later.";
            case Throwable other -> "The connection to " + peer + " failed during " + operation + " before a "
                    + "complete response arrived (" + other + "). Retry later.";
        };
        return new ProvisioningException(Kind.TRANSIENT, message, 0, null, null, failure);
    }

    /** Classifies a failed refresh at the token endpoint of {@code target}. */
    static ProvisioningException fromTokenEndpoint(ScimTarget target, URI tokenUri, String clientId,
            OAuth2AuthorizationException failure, int status, ProvisioningProperties properties) {
        OAuth2Error error = failure.getError();
        String code = error.getErrorCode();
        String answer = "The token endpoint " + tokenUri + " rejected the refresh request of app "
                + target.appKey() + " (" + code + (error.getDescription() == null ? "" : ": "
                + error.getDescription()) + ").";
        if ("invalid_grant".equals(code) || "inactive_user".equals(code) || "inactive_org".equals(code)) {
            return oauthFailure(Kind.AUTHORIZATION, answer + " The refresh token expired or was revoked, or its "
                    + "user or org is inactive. Authorize Grantflow for the app again to obtain a new refresh "
                    + "token.", status, code, failure);
        }
        if (REJECTED_CLIENT.contains(code)) {
            return oauthFailure(Kind.AUTHORIZATION, answer + " Check client id " + clientId + " and the client "
                    + "secret (consumer key and secret of the connected app) in the app's settings.", status, code,
                    failure);
        }
        if (TEMPORARY_OAUTH_ERRORS.contains(code)) {
            return oauthFailure(Kind.TRANSIENT, answer + " Retry later.", status, code, failure);
        }
        if ("invalid_token_response".equals(code)) {
            return fromInvalidTokenResponse(target, tokenUri, failure, status, properties);
        }
        return oauthFailure(Kind.PERMANENT, answer + " Check the OAuth settings of the connected app.", status,
                code, failure);
    }

    // Spring Security reports transport failures, statuses other than 400 and unreadable bodies alike as
    // invalid_token_response, so the cause decides the kind.
    private static ProvisioningException fromInvalidTokenResponse(ScimTarget target, URI tokenUri,
            OAuth2AuthorizationException failure, int status, ProvisioningProperties properties) {
        Throwable cause = failure.getCause();
        if (cause instanceof ResourceAccessException transport) {
            return fromTransportFailure(target, "POST " + tokenUri.getPath(), tokenUri, "token endpoint URL",
                    transport, properties);
        }
        if (cause instanceof RestClientResponseException response) {
            int responseStatus = response.getStatusCode().value();
            Kind kind = responseStatus == 401 || responseStatus == 403 ? Kind.AUTHORIZATION
                    : responseStatus == 429 || responseStatus >= 500 ? Kind.TRANSIENT : Kind.PERMANENT;
            String fix = kind == Kind.TRANSIENT ? "Retry later."
                    : "Check the token endpoint URL and the client id and secret in the app's settings.";
            return oauthFailure(kind, "The token endpoint " + tokenUri + " returned HTTP " + responseStatus
                    + " to the refresh request of app " + target.appKey() + ". " + fix, responseStatus, null, failure);
        }
        String response = status == 0 ? "an unreadable response" : "HTTP " + status + " with an unreadable body";
        return oauthFailure(Kind.TRANSIENT, "The token endpoint " + tokenUri + " returned " + response
                + " to the refresh request of app " + target.appKey() + ". Retry later.", status, null, failure);
    }

    private static Throwable rootTransportCause(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof ResponseTooLargeException || current instanceof HttpTimeoutException
                    || current instanceof ConnectException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }

    /** Formats a duration for messages, for example {@code 300 ms}, {@code 30 s} or {@code 5 min}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis >= 60_000 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis >= 1_000 && millis % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        return millis + " ms";
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static ProvisioningException failure(Kind kind, String message, int status, RemoteError error) {
        return new ProvisioningException(kind, message, status, error.code(), error.detail(), null);
    }

    private static ProvisioningException oauthFailure(Kind kind, String message, int status,
            @Nullable String code, Throwable cause) {
        return new ProvisioningException(kind, message, status, code, null, cause);
    }
}
