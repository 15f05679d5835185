package io.opsflow.validation;

/** One thing wrong with an input, named by its path ({@code azure.subscriptionIds[1]}). */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
