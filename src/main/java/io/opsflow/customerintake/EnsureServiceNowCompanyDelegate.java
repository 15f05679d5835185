package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.servicenow.ServiceNowClient;

/**
 * The customer in ServiceNow: the company the intake form named, or one found or created under the
 * company's name in the customer's language, and its assignment group {@code MSP Operations - <name>}.
 */
@Component
public class EnsureServiceNowCompanyDelegate implements JavaDelegate {

    static final String GROUP_PREFIX = "MSP Operations - ";

    private final ServiceNowClient serviceNow;

    public EnsureServiceNowCompanyDelegate(ServiceNowClient serviceNow) {
        this.serviceNow = serviceNow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String company = IntakeSteps.text(execution, SERVICE_NOW_COMPANY);
        if (company == null || company.isBlank()) {
            boolean japanese = "ja".equals(IntakeSteps.text(execution, LOCALE));
            company = serviceNow.ensureCompany(IntakeSteps.required(execution, japanese ? COMPANY_NAME_JA : COMPANY_NAME_EN));
            execution.setVariable(SERVICE_NOW_COMPANY, company);
        }
        execution.setVariable(SERVICE_NOW_ASSIGNMENT_GROUP, GROUP_PREFIX + IntakeSteps.required(execution, COMPANY_NAME_EN));
        serviceNow.ensureAssignmentGroup(GROUP_PREFIX + IntakeSteps.required(execution, COMPANY_NAME_EN), company);
    }
}
