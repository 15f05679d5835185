package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/** Resolves the ServiceNow incident with the operator's close code and resolution. */
@Component
class ResolveServiceNowIncidentDelegate implements JavaDelegate {

    private final ServiceNowClient servicenow;

    ResolveServiceNowIncidentDelegate(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        servicenow.updateIncident(IncidentContext.serviceNowSysId(execution), IncidentUpdate.resolve(
                (String) execution.getVariable(IncidentVariables.CLOSE_CODE), (String) execution.getVariable(IncidentVariables.RESOLUTION)));
    }
}
