package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When an incident ends, later alerts of the same rule and resource open a new one. */
@Component
class ReleaseIncidentKeysListener implements ExecutionListener {

    private final OpenIncidents openIncidents;

    ReleaseIncidentKeysListener(OpenIncidents openIncidents) {
        this.openIncidents = openIncidents;
    }

    @Override
    public void notify(DelegateExecution execution) {
        openIncidents.release(execution.getProcessInstanceId());
    }
}
