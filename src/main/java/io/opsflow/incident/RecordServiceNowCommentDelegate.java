package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps the latest comment written in ServiceNow where the operators' forms show it. */
@Component
class RecordServiceNowCommentDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(IncidentVariables.LATEST_SERVICENOW_COMMENT, execution.getVariable(IncidentVariables.COMMENT));
    }
}
