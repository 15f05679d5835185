package io.opsflow.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad catalog item file into a short start-up failure report instead of a stack trace. */
public class CatalogDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<CatalogDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CatalogDefinitionException cause) {
        return new FailureAnalysis("The service catalog definitions could not be loaded:\n\n    "
                + cause.getMessage().replace("\n", "\n    "),
                "Correct that line of the file (see docs/catalog.md for every field).", cause);
    }
}
