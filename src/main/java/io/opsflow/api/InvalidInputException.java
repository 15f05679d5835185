package io.opsflow.api;

import java.util.List;

import io.opsflow.validation.FieldProblem;

/** Input that was understood but is not acceptable; answered 400 with every problem listed. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String title, List<FieldProblem> problems) {
        super(title + ": " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
