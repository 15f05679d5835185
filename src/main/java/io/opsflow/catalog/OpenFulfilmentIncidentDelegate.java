package io.opsflow.catalog;

import static io.opsflow.catalog.CatalogVariables.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.system.CustomerTenantIdProvider;

/** A failed fulfilment the definition marks as serious becomes an incident, through the one intake. */
@Component
class OpenFulfilmentIncidentDelegate implements JavaDelegate {

    static final int SEVERITY = 3;

    private final IncidentIntake intake;

    OpenFulfilmentIncidentDelegate(IncidentIntake intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ritm = (String) execution.getVariable(RITM_NUMBER);
        String alertId = "catalog:" + ritm + ":attempt-" + execution.getVariable(FULFILMENT_ATTEMPT);
        intake.receive(new Alert("catalog", alertId, alertId, (String) execution.getVariable(CustomerTenantIdProvider.CUSTOMER_ID),
                "catalog:" + execution.getVariable(CATALOG_ITEM_ID), ritm, SEVERITY, Alert.State.FIRED,
                "[Catalog] " + ritm + " の実行に失敗 / fulfilment failed: " + execution.getVariable(RUNBOOK),
                (String) execution.getVariable(RESULT_NOTE), ClockUtil.getCurrentTime().toInstant()));
    }
}
