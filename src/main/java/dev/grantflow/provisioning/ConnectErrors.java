package dev.grantflow.provisioning;

import org.jspecify.annotations.Nullable;

/**
 * Messages for the ways "Connect to Salesforce" can fail, by OAuth 2.0 error code. Codes come from the
 * authorization server's redirect, from its token endpoint, or from Spring Security's own checks.
 */
final class ConnectErrors {

    /** Code that Grantflow uses when the callback's state matches no flow started in this session. */
    static final String STATE_MISMATCH = "state_mismatch";

    private static final int MAX_DESCRIPTION = 200;

    private ConnectErrors() {
    }

    /** Returns what failed and what to do next. The description comes from the request, so it is shortened. */
    static String message(String error, @Nullable String description) {
        String code = " (" + error + describe(description) + ")";
        return switch (error) {
            case "access_denied" -> "Connecting was cancelled: access was denied" + code
                    + ". Click \"Connect to Salesforce\" again and choose Allow.";
            case "redirect_uri_mismatch" -> "Salesforce rejected the redirect URI" + code
                    + ". Paste the redirect URI shown on this page into the callback URL of the connected app, then connect again.";
            case "invalid_grant" -> "Salesforce rejected the authorization code" + code
                    + ". It expired or was used already. Connect again.";
            case STATE_MISMATCH, "invalid_state_parameter" -> "The response from Salesforce matches no connection started"
                    + " in this browser session, for example because it came from another tab or the session expired" + code
                    + ". Click \"Connect to Salesforce\" again.";
            case "invalid_token_response" -> "The token endpoint's response could not be read" + code
                    + ". Check the token URL in the application's settings, then connect again.";
            default -> ScimErrors.REJECTED_CLIENT.contains(error)
                    ? "Salesforce rejected the client ID or client secret" + code + ". Copy the consumer key and"
                            + " consumer secret of the connected app into Client ID and Client secret, save, and connect again."
                    : "Connecting failed" + code + ". Check the connected app's OAuth settings, then connect again.";
        };
    }

    private static String describe(@Nullable String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String shortened = description.length() > MAX_DESCRIPTION
                ? description.substring(0, MAX_DESCRIPTION) + "..." : description;
        return ": " + shortened;
    }
}
