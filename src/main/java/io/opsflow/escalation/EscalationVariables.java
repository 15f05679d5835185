package io.opsflow.escalation;

/** The variables of microsoft-support-escalation and microsoft-support-relay (besides the incident's own). */
public final class EscalationVariables {

    public static final String ESCALATION_PROCESS_KEY = "microsoft-support-escalation";
    public static final String RELAY_PROCESS_KEY = "microsoft-support-relay";
    public static final String MESSAGE_PROCESS_KEY = "microsoft-support-message";
    /** The caller, whose running instance an escalation started by hand reads (by its ServiceNow sys_id). */
    public static final String INCIDENT_PROCESS_KEY = "incident-coordination";

    public static final String CUSTOMER_ID = "customerId";
    public static final String PRIORITY = "priority";
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    public static final String TARGET_RESOURCE = "targetResource";
    public static final String TARGET_RESOURCE_TYPE = "targetResourceType";
    public static final String DIAGNOSTIC_NOTE = "diagnosticNote";
    public static final String FINDINGS = "findings";
    public static final String SERVICENOW_SYS_ID = "serviceNowSysId";
    public static final String SERVICENOW_NUMBER = "serviceNowNumber";
    public static final String IDENTIFY_CAUSE_DUE_AT = "identifyCauseDueAt";
    /** Started by hand: what the operator asks Microsoft, first in the description. */
    public static final String ESCALATION_QUESTION = "escalationQuestion";

    /** Out to the caller: Microsoft's ticket number. */
    public static final String MICROSOFT_CASE_NUMBER = "microsoftCaseNumber";

    public static final String SUPPORT_PLAN = "supportPlan";
    public static final String SUPPORT_SERVICES = "supportServices";
    public static final String SUPPORT_PROBLEM_CLASSIFICATIONS = "supportProblemClassifications";
    public static final String SUPPORT_SERVICE_ID = "supportServiceId";
    public static final String SUPPORT_PROBLEM_CLASSIFICATION_ID = "supportProblemClassificationId";
    public static final String SUPPORT_SEVERITY = "supportSeverity";
    /** Why the preparation form came back (problem types reloaded for the chosen service). */
    public static final String SUPPORT_PREPARATION_HINT = "supportPreparationHint";
    public static final String SUPPORT_TITLE = "supportTitle";
    public static final String SUPPORT_DESCRIPTION = "supportDescription";
    public static final String SUPPORT_CONTACT_NAME = "supportContactName";
    public static final String SUPPORT_CONTACT_EMAIL = "supportContactEmail";
    public static final String SUPPORT_24X7 = "support24x7";
    public static final String SUPPORT_DIAGNOSTIC_CONSENT = "supportDiagnosticConsent";

    public static final String SUPPORT_TICKET_NAME = "supportTicketName";
    public static final String SUPPORT_TICKET_ATTEMPT = "supportTicketAttempt";
    public static final String SUPPORT_TICKET_STATUS_URL = "supportTicketStatusUrl";
    public static final String SUPPORT_TICKET_OUTCOME = "supportTicketOutcome";
    public static final String SUPPORT_FAILURE_REASON = "supportFailureReason";
    public static final String SUPPORT_RETRY = "supportRetry";
    public static final String SUPPORT_POLL_INTERVAL = "supportPollInterval";
    public static final String SUPPORT_RESPONSE_DUE = "supportResponseDue";
    public static final String SUPPORT_TICKET_STATUS = "supportTicketStatus";
    public static final String SUPPORT_TICKET_SEVERITY = "supportTicketSeverity";

    public static final String RELAY_POLL_INTERVAL = "relayPollInterval";
    public static final String RELAY_LAST_SEEN = "relayLastSeen";
    public static final String RELAYED_COMMUNICATIONS = "relayedCommunications";
    public static final String MICROSOFT_RESPONDED = "microsoftResponded";
    public static final String SUPPORT_TICKET_CLOSED = "supportTicketClosed";

    public static final String MICROSOFT_MESSAGE_NAME = "microsoftMessageName";
    public static final String MICROSOFT_MESSAGE_BODY = "microsoftMessageBody";
    public static final String MICROSOFT_MESSAGE_SENDER = "microsoftMessageSender";
    public static final String MICROSOFT_MESSAGE_SENDER_USER = "microsoftMessageSenderUser";
    public static final String MICROSOFT_MESSAGE_STATUS_URL = "microsoftMessageStatusUrl";
    public static final String MICROSOFT_MESSAGE_OUTCOME = "microsoftMessageOutcome";

    public static final String SUPPORT_CLOSE_TICKET = "supportCloseTicket";
    /** Set when an operator's task is completed: whether it carries a message for Microsoft. */
    public static final String MICROSOFT_MESSAGE_GIVEN = "microsoftMessageGiven";
    public static final String SUPPORT_ACTION = "supportAction";
    public static final String SUPPORT_NEW_SEVERITY = "supportNewSeverity";
    public static final String MESSAGE_INCIDENT_RESOLVED = "IncidentResolved";

    public static final String OUTCOME_CREATING = "creating";
    public static final String OUTCOME_CREATED = "created";
    public static final String OUTCOME_FAILED = "failed";

    private EscalationVariables() {
    }
}
