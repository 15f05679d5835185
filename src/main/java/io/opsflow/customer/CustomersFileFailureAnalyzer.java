package io.opsflow.customer;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad customers file into a short start-up failure report instead of a stack trace. */
public class CustomersFileFailureAnalyzer extends AbstractFailureAnalyzer<CustomersFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CustomersFileException cause) {
        return new FailureAnalysis("The customers file could not be imported:\n\n    " + cause.getMessage(),
                "Correct that line of the file (see 'Customer registry' in the README), or unset "
                        + "OPSFLOW_CUSTOMERS_FILE to start without importing.", cause);
    }
}
