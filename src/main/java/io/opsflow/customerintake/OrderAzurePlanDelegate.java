package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.partnercenter.AgreementAcceptance;
import io.opsflow.partnercenter.PartnerCenter;

/**
 * The Azure plan for the new tenant: the contact's acceptance of the Microsoft Customer Agreement recorded
 * (Partner Center refuses the order without it), then the plan ordered unless the customer has one.
 */
@Component
public class OrderAzurePlanDelegate implements JavaDelegate {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final PartnerCenterAccess partnerCenter;

    public OrderAzurePlanDelegate(PartnerCenterAccess partnerCenter) {
        this.partnerCenter = partnerCenter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PartnerCenter client = partnerCenter.get();
        String tenant = IntakeSteps.required(execution, AZURE_TENANT_ID);
        client.confirmCustomerAgreement(tenant, new AgreementAcceptance(IntakeSteps.required(execution, CONTACT_FIRST_NAME),
                IntakeSteps.required(execution, CONTACT_LAST_NAME), IntakeSteps.required(execution, CONTACT_EMAIL),
                IntakeSteps.text(execution, CONTACT_PHONE), LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), TOKYO)),
                IntakeSteps.requestId(execution, "customer-agreement"));
        client.orderAzurePlan(tenant, "JP", IntakeSteps.requestId(execution, "azure-plan"));
    }
}
