package dev.grantflow.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when application settings fail validation; nothing was saved.
 */
public class InvalidApplicationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidApplicationException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
