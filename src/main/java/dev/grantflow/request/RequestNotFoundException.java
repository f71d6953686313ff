package dev.grantflow.request;

/**
 * Thrown when an id names no access request.
 */
public class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException(long requestId) {
        super("Access request " + requestId + " was not found.");
    }
}
