package dev.grantflow.catalog;

/**
 * A problem with one field of the application form: the form property it belongs to, and a message
 * that names the value and the fix.
 */
public record FieldProblem(String field, String message) {
}
