package dev.grantflow.catalog;

/**
 * A problem with one field of the application form: the form property it belongs to, and a message
 * that names the value and the fix.
 *
 * @param missingValue whether the field is only empty, which a draft may be
 */
public record FieldProblem(String field, String message, boolean missingValue) {

    public FieldProblem(String field, String message) {
        this(field, message, false);
    }

    static FieldProblem missing(String field, String message) {
        return new FieldProblem(field, message, true);
    }
}
