package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.github.GitHub;
import io.opsflow.github.Repository;
import io.opsflow.github.RepositoryExistsException;

/**
 * The customer's operations repository {@code <owner>/<customer>-azure-ops} from the template. A repository of
 * that name made from the same template is adopted (an earlier attempt, or a person, made it); one made
 * otherwise goes to a person ({@link IntakeProcess#REPOSITORY_NAME_TAKEN}), who may adopt it or give another name.
 */
@Component
public class CreateOperationsRepositoryDelegate implements JavaDelegate {

    private final GitHubAccess access;
    private final IntakeProperties.Repository settings;

    public CreateOperationsRepositoryDelegate(GitHubAccess access, IntakeProperties properties) {
        this.access = access;
        this.settings = properties.repository();
    }

    @Override
    public void execute(DelegateExecution execution) {
        GitHub gitHub = access.gitHub();
        String customer = IntakeSteps.required(execution, CUSTOMER_ID);
        String name = Optional.ofNullable(IntakeSteps.text(execution, REPOSITORY_NAME)).filter(s -> !s.isBlank())
                .map(String::strip).orElse(settings.nameFor(customer));
        boolean adoptAnyway = Decision.adopt.name().equals(IntakeSteps.text(execution, DECISION));
        Repository repository = gitHub.repository(settings.owner(), name)
                .map(existing -> adoptable(execution, existing, adoptAnyway))
                .orElseGet(() -> generate(execution, gitHub, name, customer, adoptAnyway));
        execution.setVariable(REPOSITORY_NAME, repository.name());
        execution.setVariable(REPOSITORY_URL, repository.htmlUrl());
        execution.removeVariable(DECISION);
    }

    private Repository generate(DelegateExecution execution, GitHub gitHub, String name, String customer, boolean adoptAnyway) {
        try {
            return gitHub.generateFromTemplate(settings.template(), settings.owner(), name,
                    "Azure operations of " + IntakeSteps.required(execution, COMPANY_NAME_EN) + " (" + customer + "), opened by opsflow");
        } catch (RepositoryExistsException e) {
            // Made between our look and our generate (or not visible to the look): judge it like any other.
            return adoptable(execution, gitHub.repository(settings.owner(), name).orElseThrow(() -> e), adoptAnyway);
        }
    }

    private Repository adoptable(DelegateExecution execution, Repository existing, boolean adoptAnyway) {
        if (adoptAnyway || settings.template().equalsIgnoreCase(String.valueOf(existing.templateFullName()))) {
            return existing;
        }
        String problem = IntakeTexts.reason(execution, "repositoryForeign", existing.fullName(), settings.template())
                + (existing.templateFullName() == null ? "" : " " + IntakeTexts.reason(execution, "repositoryOrigin", existing.templateFullName()));
        execution.setVariable(INTAKE_PROBLEM, problem);
        execution.setVariable(REPOSITORY_NAME, existing.name());
        execution.setVariable(REPOSITORY_URL, existing.htmlUrl());
        throw new BpmnError(IntakeProcess.REPOSITORY_NAME_TAKEN, problem);
    }
}
