package io.opsflow.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.servicenow.RequestedItemUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/**
 * Shows a step on the RITM: each task of the model gives the state, stage and work note as its
 * input parameters ({@code ritmState}, {@code ritmStage}, {@code workNote}); blank means unchanged.
 */
@Component
class UpdateRequestedItemDelegate implements JavaDelegate {

    private final ServiceNowClient servicenow;

    UpdateRequestedItemDelegate(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        servicenow.updateRequestedItem((String) execution.getVariable(CatalogVariables.RITM_SYS_ID), new RequestedItemUpdate(
                blankToNull(execution.getVariableLocal("ritmState")), blankToNull(execution.getVariableLocal("ritmStage")),
                "opsflow: " + execution.getVariableLocal("workNote")));
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
