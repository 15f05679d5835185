package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Which SLA target an escalation is about, in words for ServiceNow and Slack. */
record SlaMiss(String target, String within, String priority, String serviceNowNumber, String summary) {

    static SlaMiss of(DelegateExecution execution) {
        String target = (String) execution.getVariable(IncidentVariables.MISSED_SLA);
        String within = (String) execution.getVariable("identifyCause".equals(target)
                ? IncidentVariables.IDENTIFY_CAUSE_WITHIN : IncidentVariables.ACKNOWLEDGE_WITHIN);
        return new SlaMiss(target, within, (String) execution.getVariable(IncidentVariables.PRIORITY),
                (String) execution.getVariable(IncidentVariables.SERVICENOW_NUMBER), (String) execution.getVariable(IncidentVariables.SUMMARY));
    }

    String targetLabel() {
        return "identifyCause".equals(target) ? "原因特定 / identify cause" : "受付 / acknowledge";
    }

    String describe() {
        return "SLA 超過 / SLA missed: " + targetLabel() + " (" + priority + ", target " + within + "). マネージャーに通知しました / managers notified.";
    }
}
