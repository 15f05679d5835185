package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.partnercenter.NewPartnerCustomer;
import io.opsflow.partnercenter.PartnerCenter;
import io.opsflow.partnercenter.PartnerCustomer;

/**
 * The customer's tenant through Partner Center: the partner's customer with the domain if there is one (an
 * earlier attempt of this step made it), else a new customer when the domain is free; a domain someone
 * else holds goes to a person ({@link IntakeProcess#DOMAIN_TAKEN}).
 */
@Component
public class CreateCustomerTenantDelegate implements JavaDelegate {

    private final PartnerCenterAccess partnerCenter;

    public CreateCustomerTenantDelegate(PartnerCenterAccess partnerCenter) {
        this.partnerCenter = partnerCenter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PartnerCenter client = partnerCenter.get();
        String prefix = IntakeSteps.required(execution, DOMAIN_PREFIX);
        Optional<PartnerCustomer> ours = client.customerByDomain(prefix);
        PartnerCustomer customer;
        if (ours.isPresent()) {
            customer = ours.get();
        } else if (!client.domainAvailable(prefix)) {
            execution.setVariable(INTAKE_PROBLEM, IntakeTexts.reason(execution, "domainTaken", prefix));
            throw new BpmnError(IntakeProcess.DOMAIN_TAKEN, prefix + ".onmicrosoft.com is taken");
        } else {
            customer = client.createCustomer(newCustomer(execution, prefix), IntakeSteps.requestId(execution, "create-customer"));
        }
        execution.setVariable(AZURE_TENANT_ID, customer.tenantId());
    }

    private static NewPartnerCustomer newCustomer(DelegateExecution execution, String prefix) {
        boolean japanese = "ja".equals(IntakeSteps.text(execution, LOCALE));
        return new NewPartnerCustomer(IntakeSteps.required(execution, COMPANY_NAME_JA), prefix,
                IntakeSteps.required(execution, CONTACT_EMAIL), japanese ? "ja-JP" : "en-US", japanese ? "ja" : "en",
                new NewPartnerCustomer.Address(IntakeSteps.required(execution, CONTACT_FIRST_NAME),
                        IntakeSteps.required(execution, CONTACT_LAST_NAME), IntakeSteps.required(execution, ADDRESS_LINE),
                        IntakeSteps.required(execution, CITY), IntakeSteps.required(execution, PREFECTURE),
                        IntakeSteps.required(execution, POSTAL_CODE), "JP", IntakeSteps.required(execution, CONTACT_PHONE)));
    }
}
