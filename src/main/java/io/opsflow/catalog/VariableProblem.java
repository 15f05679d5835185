package io.opsflow.catalog;

import io.opsflow.system.FieldProblem;

/**
 * One thing wrong with a RITM variable, named as the requester knows it ({@code vm_name}), with
 * the reason in Japanese and English.
 */
public record VariableProblem(String variable, String ja, String en) {

    /** {@code 'VM_01!' は VM 名として使えません / is not a valid VM name (…)} */
    public String message() {
        return ja + " / " + en;
    }

    public FieldProblem toFieldProblem() {
        return new FieldProblem(variable, message());
    }

    @Override
    public String toString() {
        return variable + ": " + message();
    }
}
