package dev.grantflow.provisioning;

import dev.grantflow.provisioning.ProvisioningException.Kind;
import java.util.Set;

/**
 * The fix that the connection test suggests for a failed step, chosen by the step and by the HTTP status
 * or OAuth 2.0 error code of the failure.
 */
final class ConnectionFixes {

    private static final Set<String> REJECTED_GRANT = Set.of("invalid_grant", "inactive_user", "inactive_org");
    private static final String COMPLETE_SETTINGS = "Complete the settings under Admin > Applications, save, and test again.";

    private ConnectionFixes() {
    }

    static String token(ProvisioningException failure, TargetKind kind) {
        String code = failure.errorCode() == null ? "" : failure.errorCode();
        if (isSettingProblem(failure)) {
            return COMPLETE_SETTINGS;
        }
        if (ScimErrors.REJECTED_CLIENT.contains(code)) {
            return kind == TargetKind.SALESFORCE
                    ? "Copy the consumer key and consumer secret of the connected app into Client ID and Client secret,"
                            + " save, and test again."
                    : "Enter the client ID and client secret that the token endpoint issued to Grantflow, save, and test again.";
        }
        if (REJECTED_GRANT.contains(code)) {
            return kind == TargetKind.SALESFORCE
                    ? "Click \"Connect to Salesforce\" to get a new refresh token, then test again."
                    : "Enter a valid refresh token as the API key, save, and test again.";
        }
        if (failure.httpStatus() == 0) {
            return "Check the host and port of the token URL, and that Grantflow can reach them.";
        }
        return "Check the token URL, client ID and client secret, save, and test again.";
    }

    static String serviceProviderConfig(ProvisioningException failure, TargetKind kind, boolean oauth) {
        if (failure.kind() == Kind.AUTHORIZATION) {
            return oauth
                    ? "Check that the user who connected the application is active and may use the API, then connect again."
                    : "Enter an API key that the SCIM service accepts, save, and test again.";
        }
        int status = failure.httpStatus();
        if (status == 0) {
            return "Check the host and port of the Base URI, and that Grantflow can reach them.";
        }
        if (status == 429 || status >= 500) {
            return "The service is unavailable or overloaded. Test again later.";
        }
        // Any other response, such as a 404 or an HTML page, means the Base URI does not point at the SCIM API.
        return kind == TargetKind.SALESFORCE
                ? "Check the Base URI: for Salesforce it is https://<instance>.my.salesforce.com/services/scim/v2."
                : "Check the Base URI: it is the SCIM 2.0 base URL, the part in front of /Users.";
    }

    static String groupsObject(ProvisioningException failure, TargetKind kind) {
        if (failure.kind() == Kind.AUTHORIZATION || failure.httpStatus() == 403) {
            return "Check that the user who connected the application may read "
                    + (kind == TargetKind.SALESFORCE ? "profiles" : "groups") + " through SCIM.";
        }
        if (failure.httpStatus() == 404 || failure.httpStatus() == 400) {
            return kind == TargetKind.SALESFORCE
                    ? "Check the Groups Object ID: copy the id of an existing profile, which starts with 00e, from Setup > Profiles."
                    : "Check the Groups Object ID: it must be the id of an existing group.";
        }
        if (failure.isTransient()) {
            return "The service is unavailable or overloaded. Test again later.";
        }
        return "Check the Groups Object ID, save, and test again.";
    }

    /** Tells whether the failure is a missing or invalid setting, found before any call was made. */
    private static boolean isSettingProblem(ProvisioningException failure) {
        return failure.kind() == Kind.PERMANENT && failure.httpStatus() == 0 && failure.errorCode() == null;
    }
}
