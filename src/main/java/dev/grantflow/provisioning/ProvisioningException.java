package dev.grantflow.provisioning;

import org.jspecify.annotations.Nullable;

/**
 * Failed provisioning step, with a message for the administrator that names the value at fault and the fix.
 * The message never contains a token or a secret because the constructor redacts it.
 */
public class ProvisioningException extends RuntimeException {

    private final Kind kind;
    private final int httpStatus;
    private final @Nullable String errorCode;
    private final @Nullable String remoteDetail;

    public ProvisioningException(Kind kind, String message) {
        this(kind, message, 0, null, null, null);
    }

    /**
     * @param httpStatus   status of the failed response, or 0 when no response arrived
     * @param errorCode    Salesforce errorCode, SCIM scimType or OAuth 2.0 error code, if the response had one
     * @param remoteDetail error text from the response body, if it had one
     */
    public ProvisioningException(Kind kind, String message, int httpStatus, @Nullable String errorCode,
            @Nullable String remoteDetail, @Nullable Throwable cause) {
        super(Redactor.redact(message), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.remoteDetail = remoteDetail == null ? null : Redactor.redact(remoteDetail);
    }

    public Kind kind() {
        return kind;
    }

    /** Status of the failed response, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Salesforce errorCode, SCIM scimType or OAuth 2.0 error code, or {@code null} if the response had none. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** Error text from the response body, redacted, or {@code null} if the response had none. */
    public @Nullable String remoteDetail() {
        return remoteDetail;
    }

    /** Whether a retry of the same call may succeed. */
    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** Category of a failure, from which the caller decides how to react. */
    public enum Kind {
        /** Temporary failure. Retry later with backoff. */
        TRANSIENT,
        /** The request or the app's configuration is wrong, so retrying the same call fails again. */
        PERMANENT,
        /** Grantflow's credentials for the app are invalid, and an administrator must authorize it again. */
        AUTHORIZATION
    }
}
