package io.opsflow.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reports keep of each reported process: which steps (an activity starting or ending) and
 * which variables. The one place that ties figures to BPMN ids; a renamed id in a model is a renamed
 * fact here. A fact is named {@code <activityId>.start}, {@code <activityId>.end} or the variable's name.
 */
final class ReportedFacts {

    static final String INCIDENT = "incident-coordination";
    static final String REQUEST = "service-catalog-request";
    static final String MICROSOFT_TICKET = "microsoft-support-relay";

    static final String SERVICE_NOW_NUMBER = "serviceNowNumber";

    static final Set<String> PROCESS_KEYS = Set.of(INCIDENT, REQUEST, MICROSOFT_TICKET);

    /** Steps by process, each with the phase that counts: when it started, or when it ended (not cancelled). */
    static final Map<String, List<String>> STARTED = Map.of(
            INCIDENT, List.of("CallActivity_EscalateAcknowledgeSlaMiss", "CallActivity_EscalateIdentifyCauseSlaMiss",
                    "CallActivity_EscalateToMicrosoft"),
            REQUEST, List.of("UserTask_ApproveRequest"),
            MICROSOFT_TICKET, List.of());
    static final Map<String, List<String>> ENDED = Map.of(
            INCIDENT, List.of("UserTask_Triage", "EndEvent_CauseIdentified", "ServiceTask_ResolveServiceNowIncident",
                    "ServiceTask_CloseSelfHealedIncident", "EndEvent_SelfHealedRaised", "StartEvent_ServiceNowIncidentResolved",
                    "StartEvent_AlertUpdateReceived", "CallActivity_RunDiagnosticRunbook"),
            REQUEST, List.of("UserTask_ApproveRequest", "UserTask_HandleFulfilmentFailure", "UserTask_ReviewOverdueApproval"),
            MICROSOFT_TICKET, List.of());

    static final Map<String, List<String>> VARIABLES = Map.of(
            INCIDENT, List.of("source", "priority", "ruleName", "targetResource", "serviceNowNumber", "acknowledgeDueAt",
                    "identifyCauseDueAt", "resolveDueAt", "microsoftCaseNumber"),
            REQUEST, List.of("catItemName", "catalogItemId", "ritmNumber"),
            MICROSOFT_TICKET, List.of("microsoftCaseNumber", "serviceNowNumber", "microsoftResponded"));

    private ReportedFacts() {
    }

    static String started(String activityId) {
        return activityId + ".start";
    }

    static String ended(String activityId) {
        return activityId + ".end";
    }

    static boolean isStarted(String processKey, String activityId) {
        return STARTED.getOrDefault(processKey, List.of()).contains(activityId);
    }

    static boolean isEnded(String processKey, String activityId) {
        return ENDED.getOrDefault(processKey, List.of()).contains(activityId);
    }

    static boolean isVariable(String processKey, String name) {
        return VARIABLES.getOrDefault(processKey, List.of()).contains(name);
    }

    /** The incident's ServiceNow number, also kept on its item for finding reopened incidents. */
    static boolean isServiceNowNumber(String processKey, String name) {
        return INCIDENT.equals(processKey) && SERVICE_NOW_NUMBER.equals(name);
    }
}
