package dev.grantflow.provisioning;

/**
 * Published inside the transaction that changed the status of an application's connection.
 *
 * @param status {@link #CONNECTED} or {@link #NEEDS_REAUTHORIZATION}
 * @param detail the reason for the change. Failure messages arrive already redacted by {@link Redactor}.
 */
public record ConnectionStatusChanged(long applicationId, String status, String detail) {

    public static final String CONNECTED = AppConnection.CONNECTED;
    public static final String NEEDS_REAUTHORIZATION = AppConnection.NEEDS_REAUTHORIZATION;
}
