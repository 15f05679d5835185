package io.opsflow.incident;

/** Names of the incident-coordination process variables, messages and elements used from code. */
public final class IncidentVariables {

    public static final String PROCESS_KEY = "incident-coordination";

    public static final String CUSTOMER_ID = "customerId";
    public static final String SOURCE = "source";
    public static final String ALERT_ID = "alertId";
    public static final String RULE_NAME = "ruleName";
    public static final String TARGET_RESOURCE = "targetResource";
    /** The monitoring item (design handover) the alert's rule was made for; null when the rule names none. */
    public static final String MONITORING_ITEM = "monitoringItem";
    /**
     * True for an alert of a customer not yet live, or sent by the pre-operation test: its incident is
     * marked as a test in ServiceNow and pages nobody (no SLA timers, so no escalation and no Slack).
     */
    public static final String TEST_ALERT = "testAlert";
    /** The alert is the pre-operation test's own: opsflow resolves its incident at once, no task for anyone. */
    public static final String PRE_OPERATION_TEST = "preOperationTest";
    public static final String TARGET_RESOURCE_TYPE = "targetResourceType";
    public static final String SEVERITY_LEVEL = "severityLevel";
    public static final String IMPACT = "impact";
    public static final String URGENCY = "urgency";
    public static final String PRIORITY = "priority";
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    public static final String SERVICENOW_SYS_ID = "serviceNowSysId";
    public static final String SERVICENOW_NUMBER = "serviceNowNumber";
    public static final String SERVICENOW_MOD_COUNT = "serviceNowModCount";
    public static final String ACKNOWLEDGE_WITHIN = "acknowledgeWithin";
    public static final String IDENTIFY_CAUSE_WITHIN = "identifyCauseWithin";
    public static final String RESOLVE_WITHIN = "resolveWithin";
    public static final String ACKNOWLEDGE_DUE_AT = "acknowledgeDueAt";
    public static final String IDENTIFY_CAUSE_DUE_AT = "identifyCauseDueAt";
    /** When the resolve target falls due: the due date of the Resolve task (not a timer). */
    public static final String RESOLVE_DUE_AT = "resolveDueAt";
    /** The customer's display name from the registry, as tasks and forms show it. */
    public static final String CUSTOMER_NAME = "customerName";
    public static final String DIAGNOSTIC_RUNBOOK = "diagnosticRunbook";
    /** The diagnostic runbook's parameters as JSON, for the runbook-job call. */
    public static final String DIAGNOSTIC_PARAMETERS = "diagnosticParameters";
    public static final String DIAGNOSTIC_TIMEOUT = "diagnosticTimeout";
    /**
     * False when there is nothing to run (no runbook for the resource type, no Automation account):
     * the note says why and nothing is called.
     */
    public static final String DIAGNOSTIC_RUNNABLE = "diagnosticRunnable";
    /** What the Triage form and the one diagnostic work note say: running, the summary, or what is missing and why. */
    public static final String DIAGNOSTIC_NOTE = "diagnosticNote";
    /** ARM's answer when the runbook was not found (BPMN error RUNBOOK_NOT_FOUND from runbook-job). */
    public static final String DIAGNOSTIC_ERROR = "diagnosticError";
    public static final String FINDINGS = "findings";
    public static final String CAUSE_IDENTIFIED = "causeIdentified";
    public static final String NEEDS_MICROSOFT = "needsMicrosoft";
    public static final String RESOLUTION = "resolution";
    public static final String CLOSE_CODE = "closeCode";
    public static final String MISSED_SLA = "missedSla";
    public static final String LATEST_SERVICENOW_COMMENT = "latestServiceNowComment";
    /** Local to one event sub-process token: the text of the alert update to note. */
    public static final String ALERT_NOTE = "alertNote";
    /** Local to one event sub-process token: the ServiceNow comment received. */
    public static final String COMMENT = "comment";

    public static final String SOURCE_SERVICENOW = "servicenow";

    public static final String MESSAGE_ALERT_UPDATE_RECEIVED = "AlertUpdateReceived";
    public static final String MESSAGE_ALERT_RESOLVED = "AlertResolved";
    public static final String MESSAGE_SERVICENOW_COMMENT_ADDED = "ServiceNowCommentAdded";
    public static final String MESSAGE_SERVICENOW_INCIDENT_RESOLVED = "ServiceNowIncidentResolved";

    private IncidentVariables() {
    }
}
