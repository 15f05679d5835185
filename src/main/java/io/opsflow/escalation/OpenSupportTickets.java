package io.opsflow.escalation;

import static io.opsflow.escalation.EscalationVariables.*;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** An incident's open Microsoft ticket is its running relay (found by the incident's ServiceNow sys_id). */
final class OpenSupportTickets {

    private OpenSupportTickets() {
    }

    static Optional<ProcessInstance> relayOf(RuntimeService runtime, String serviceNowSysId) {
        if (serviceNowSysId == null) {
            return Optional.empty();
        }
        return runtime.createProcessInstanceQuery().processDefinitionKey(RELAY_PROCESS_KEY)
                .variableValueEquals(SERVICENOW_SYS_ID, serviceNowSysId).active().list().stream().findFirst();
    }

    /** Microsoft's number of the incident's open ticket. */
    static Optional<String> caseNumberOf(RuntimeService runtime, String serviceNowSysId) {
        return relayOf(runtime, serviceNowSysId).map(relay -> (String) runtime.getVariable(relay.getId(), MICROSOFT_CASE_NUMBER));
    }
}
