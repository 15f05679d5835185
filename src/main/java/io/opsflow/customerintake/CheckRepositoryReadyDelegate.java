package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** GitHub fills a generated repository asynchronously: ready once its source branch exists. */
@Component
public class CheckRepositoryReadyDelegate implements JavaDelegate {

    private final GitHubAccess access;
    private final IntakeProperties.Repository settings;

    public CheckRepositoryReadyDelegate(GitHubAccess access, IntakeProperties properties) {
        this.access = access;
        this.settings = properties.repository();
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(REPOSITORY_READY, access.gitHub().branchExists(settings.owner(),
                IntakeSteps.required(execution, REPOSITORY_NAME), settings.sourceBranch()));
    }
}
