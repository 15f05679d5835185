package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.opsflow.messages.Messages;

/** Which SLA target an escalation is about, in words for ServiceNow and Slack. */
record SlaMiss(String target, String within, String priority, String serviceNowNumber, String summary) {

    static SlaMiss of(DelegateExecution execution) {
        String target = (String) execution.getVariable(IncidentVariables.MISSED_SLA);
        String within = (String) execution.getVariable("identifyCause".equals(target)
                ? IncidentVariables.IDENTIFY_CAUSE_WITHIN : IncidentVariables.ACKNOWLEDGE_WITHIN);
        return new SlaMiss(target, within, (String) execution.getVariable(IncidentVariables.PRIORITY),
                (String) execution.getVariable(IncidentVariables.SERVICENOW_NUMBER), (String) execution.getVariable(IncidentVariables.SUMMARY));
    }

    String targetLabel(Messages.Texts texts) {
        return texts.text("identifyCause".equals(target) ? "sla.target.identifyCause" : "sla.target.acknowledge");
    }

    String describe(Messages.Texts texts) {
        return texts.text("sla.note.missed", targetLabel(texts), priority, within);
    }
}
