package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.access.CustomerTenantIdProvider;
import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.messages.Messages;

/**
 * A failed fulfilment the definition marks as serious becomes an incident, through the one intake;
 * its summary is in the customer's language, as it is the incident's short description.
 */
@Component
class OpenFulfilmentIncidentDelegate implements JavaDelegate {

    static final int SEVERITY = 3;

    private final IncidentIntake intake;
    private final Messages messages;

    OpenFulfilmentIncidentDelegate(IncidentIntake intake, Messages messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ritm = (String) execution.getVariable(RITM_NUMBER);
        String alertId = "catalog:" + ritm + ":attempt-" + execution.getVariable(FULFILMENT_ATTEMPT);
        String customerId = (String) execution.getVariable(CustomerTenantIdProvider.CUSTOMER_ID);
        intake.receive(new Alert("catalog", alertId, alertId, customerId,
                "catalog:" + execution.getVariable(CATALOG_ITEM_ID), ritm, SEVERITY, Alert.State.FIRED,
                messages.forCustomer(customerId).text("catalog.incident.fulfilmentFailed", ritm, execution.getVariable(RUNBOOK)),
                (String) execution.getVariable(RESULT_NOTE), ClockUtil.getCurrentTime().toInstant()));
    }
}
