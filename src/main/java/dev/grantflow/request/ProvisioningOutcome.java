package dev.grantflow.request;

/**
 * Published inside the provisioning step's transaction when provisioning or revocation of a request ended,
 * or was put on hold.
 *
 * @param outcome one of the constants of this record
 * @param detail the summary of the target account, or the reason of a failure or hold
 */
public record ProvisioningOutcome(long requestId, long applicationId, String outcome, String detail) {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String FAILED = "FAILED";
    public static final String HELD = "HELD";
    public static final String REVOKED = "REVOKED";
    public static final String REVOCATION_FAILED = "REVOCATION_FAILED";
}
