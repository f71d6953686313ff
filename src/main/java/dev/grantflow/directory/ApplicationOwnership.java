package dev.grantflow.directory;

/**
 * Tells whether a person owns an application. The catalog implements it, so the directory can
 * grant the approver role without depending on the catalog.
 */
public interface ApplicationOwnership {

    boolean ownsAnyApplication(long personId);
}
