package dev.grantflow.request;

/**
 * Thrown when a submission cannot be accepted: the message gives the requester the reason and what to do.
 * Nothing was saved.
 */
public class RequestRejectedException extends RuntimeException {

    public RequestRejectedException(String message) {
        super(message);
    }
}
