package dev.grantflow.directory;

/**
 * Thrown when an id names nobody in the directory.
 */
public class PersonNotFoundException extends RuntimeException {

    public PersonNotFoundException(long personId) {
        super("Person " + personId + " was not found in the directory.");
    }
}
