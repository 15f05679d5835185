package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.github.GitHub;
import io.opsflow.github.Merge;
import io.opsflow.github.MergeConflictException;

/**
 * Master into production, by the merges API or a pull request as configured: the push to production is what
 * starts the deploy pipeline. Nothing to merge (an earlier attempt merged) leaves no revision to follow, and the
 * pipeline is then triggered by hand; a refused merge goes to a person.
 */
@Component
public class MergeToProductionDelegate implements JavaDelegate {

    private final GitHubAccess access;
    private final IntakeProperties.Repository settings;

    public MergeToProductionDelegate(GitHubAccess access, IntakeProperties properties) {
        this.access = access;
        this.settings = properties.repository();
    }

    @Override
    public void execute(DelegateExecution execution) {
        GitHub gitHub = access.gitHub();
        String repository = IntakeSteps.required(execution, REPOSITORY_NAME);
        String customer = IntakeSteps.required(execution, CUSTOMER_ID);
        Merge merge;
        try {
            merge = "pull-request".equals(settings.merge())
                    ? gitHub.mergeByPullRequest(settings.owner(), repository, settings.productionBranch(), settings.sourceBranch(),
                            "opsflow: open " + customer, "Deploys the common Azure resources of " + customer + ".")
                    : gitHub.mergeBranch(settings.owner(), repository, settings.productionBranch(), settings.sourceBranch(),
                            "opsflow: open " + customer);
        } catch (MergeConflictException e) {
            execution.setVariable(INTAKE_PROBLEM, IntakeTexts.reason(execution, "mergeRefused", e.getMessage()));
            throw new BpmnError(IntakeProcess.MERGE_REFUSED, e.getMessage());
        }
        execution.setVariable(MERGE_SHA, merge.sha());
        execution.removeVariable(PIPELINE_ID);
    }
}
