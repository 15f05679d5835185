package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;

/**
 * The preparation came back with a problem type that is not the chosen service's (the operator changed
 * the service; a Camunda Form cannot reload a select by itself) or none: the chosen service's problem
 * types become the options, and the form returns with a hint to pick one.
 */
@Component
class LoadProblemClassificationsDelegate implements JavaDelegate {

    private final EscalationContext context;
    private final SupportCatalogOptions catalog;

    LoadProblemClassificationsDelegate(EscalationContext context, SupportCatalogOptions catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Customer customer = context.customer(execution);
        execution.setVariable(SUPPORT_PROBLEM_CLASSIFICATIONS, catalog.classificationOptions(customer,
                (String) execution.getVariable(SUPPORT_SERVICE_ID)));
        execution.setVariable(SUPPORT_PROBLEM_CLASSIFICATION_ID, null);
        execution.setVariable(SUPPORT_PREPARATION_HINT, context.texts(customer).text("escalation.prepare.pickClassification"));
    }
}
