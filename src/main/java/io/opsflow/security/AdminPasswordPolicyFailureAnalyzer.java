package io.opsflow.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configured administrator password the policy refuses into a short start-up failure report. */
public class AdminPasswordPolicyFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordPolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordPolicyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set OPSFLOW_ADMIN_PASSWORD to a password that meets every rule (see docs/security.md), "
                        + "or leave it unset to have one generated and printed once.", cause);
    }
}
