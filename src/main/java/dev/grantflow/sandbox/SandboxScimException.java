package dev.grantflow.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * A SCIM request that the sandbox rejects. The controller renders it as an RFC 7644 ErrorResponse
 * with {@code status}, {@code scimType} and {@code detail}.
 */
class SandboxScimException extends RuntimeException {

    private final int status;
    private final @Nullable String scimType;

    SandboxScimException(int status, @Nullable String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static SandboxScimException invalidValue(String detail) {
        return new SandboxScimException(400, "invalidValue", detail);
    }

    static SandboxScimException invalidSyntax(String detail) {
        return new SandboxScimException(400, "invalidSyntax", detail);
    }

    static SandboxScimException invalidFilter(String detail) {
        return new SandboxScimException(400, "invalidFilter", detail);
    }

    static SandboxScimException invalidPath(String detail) {
        return new SandboxScimException(400, "invalidPath", detail);
    }

    static SandboxScimException uniqueness(String detail) {
        return new SandboxScimException(409, "uniqueness", detail);
    }

    static SandboxScimException notFound(String detail) {
        return new SandboxScimException(404, null, detail);
    }

    int status() {
        return status;
    }

    @Nullable String scimType() {
        return scimType;
    }

    String detail() {
        return String.valueOf(getMessage());
    }
}
