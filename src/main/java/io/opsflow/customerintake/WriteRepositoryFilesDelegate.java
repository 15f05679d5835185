package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.github.GitHub;

/**
 * The Bicep parameters, then the deploy target with the run flag set, committed on the source branch; a file
 * already holding the same content is not committed again. The target goes last: the run flag on a
 * branch whose parameters are still the template's would deploy placeholders.
 */
@Component
public class WriteRepositoryFilesDelegate implements JavaDelegate {

    private final GitHubAccess access;
    private final IntakeProperties properties;
    private final IntakeProperties.Lighthouse lighthouse;

    public WriteRepositoryFilesDelegate(GitHubAccess access, IntakeProperties properties, IntakeProperties.Lighthouse lighthouse) {
        this.access = access;
        this.properties = properties;
        this.lighthouse = lighthouse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GitHub gitHub = access.gitHub();
        String owner = properties.repository().owner();
        String repository = IntakeSteps.required(execution, REPOSITORY_NAME);
        String branch = properties.repository().sourceBranch();
        String customer = IntakeSteps.required(execution, CUSTOMER_ID);
        gitHub.putFile(owner, repository, branch, RepositoryFiles.PARAMETERS, RepositoryFiles.parameters(execution, properties, lighthouse),
                "opsflow: Bicep parameters for " + customer);
        gitHub.putFile(owner, repository, branch, RepositoryFiles.TARGET, RepositoryFiles.target(execution),
                "opsflow: deploy target for " + customer + ", run flag set");
    }
}
