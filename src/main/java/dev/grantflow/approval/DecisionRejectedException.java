package dev.grantflow.approval;

/**
 * Thrown when a decision cannot be taken as submitted, such as a rejection without a comment. Nothing changed.
 */
public class DecisionRejectedException extends RuntimeException {

    public DecisionRejectedException(String message) {
        super(message);
    }
}
