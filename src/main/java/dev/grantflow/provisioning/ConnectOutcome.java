package dev.grantflow.provisioning;

/**
 * Result of an admin's last "Connect to Salesforce" attempt for an application.
 *
 * @param connected whether a new refresh token was stored in the draft
 * @param message   what happened and, on failure, what to do next
 */
public record ConnectOutcome(boolean connected, String message) {

    static ConnectOutcome failed(String message) {
        return new ConnectOutcome(false, message);
    }
}
