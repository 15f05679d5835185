package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.ServiceNowClient;

/** The alert recovered before anyone triaged it: resolve the ServiceNow incident as self-healed. */
@Component
class CloseSelfHealedIncidentDelegate implements JavaDelegate {

    private final ServiceNowClient servicenow;
    private final IncidentProperties properties;

    CloseSelfHealedIncidentDelegate(ServiceNowClient servicenow, IncidentProperties properties) {
        this.servicenow = servicenow;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        servicenow.updateIncident(IncidentContext.serviceNowSysId(execution), IncidentUpdate.resolve(properties.selfHealedCloseCode(),
                "自己回復: トリアージ前に監視がアラートの回復を報告しました。/ Self-healed: monitoring reported the alert resolved before triage. (opsflow)"));
    }
}
