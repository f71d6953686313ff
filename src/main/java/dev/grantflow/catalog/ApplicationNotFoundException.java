package dev.grantflow.catalog;

/**
 * Thrown when an id names no application, or none that is published when a published one is needed.
 */
public class ApplicationNotFoundException extends RuntimeException {

    public ApplicationNotFoundException(String message) {
        super(message);
    }
}
