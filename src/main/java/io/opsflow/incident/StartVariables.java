package io.opsflow.incident;

import static io.opsflow.incident.IncidentVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.opsflow.access.CustomerTenantIdProvider;

/** The variables an incident-coordination instance starts with, from an alert or a ServiceNow incident. */
final class StartVariables {

    /** Sev4 / Zabbix Information: the decision's lowest priority. */
    private static final int LEAST_SEVERE = 4;
    static final String PRE_OPERATION_CLOSE_CODE = "Solution provided";
    static final String PRE_OPERATION_RESOLUTION = "プレ運用試験の試験アラート: 着信を確認し opsflow が解決しました"
            + " / Pre-operation test alert: its arrival was confirmed and opsflow resolved it";

    private StartVariables() {
    }

    /**
     * An alert; a test (sent by the pre-operation test, or any alert of a customer not yet live) is
     * decided as the least severe, so it opens with the lowest priority, impact and urgency.
     *
     * @param live whether the customer's alerts page people ({@link io.opsflow.customer.Onboarding#live})
     */
    static Map<String, Object> of(Alert alert, boolean live) {
        boolean test = alert.testRun() != null || !live;
        Map<String, Object> variables = baseVariables(alert.customerId(), alert.source());
        variables.put(ALERT_ID, alert.alertId());
        variables.put(RULE_NAME, alert.ruleName());
        variables.put(TARGET_RESOURCE, alert.targetResource());
        variables.put(TARGET_RESOURCE_TYPE, resourceType(alert.targetResource()));
        variables.put(MONITORING_ITEM, alert.monitoringItem());
        variables.put(TEST_ALERT, test);
        if (alert.testRun() != null) {
            // The pre-operation test needs the incident to arrive, nobody to work it: resolved at once.
            variables.put(PRE_OPERATION_TEST, true);
            variables.put(CLOSE_CODE, PRE_OPERATION_CLOSE_CODE);
            variables.put(RESOLUTION, PRE_OPERATION_RESOLUTION);
        }
        variables.put(SEVERITY_LEVEL, test ? LEAST_SEVERE : alert.severityLevel());
        variables.put(SUMMARY, alert.summary());
        variables.put(DESCRIPTION, alert.description());
        return variables;
    }

    /**
     * The variables the decisions (priority, diagnostic runbook) and the gateways read by name: an
     * expression fails on an undefined variable, so each starts as null unless the origin sets it.
     * Everything else is read by delegates and forms, for which a missing variable is simply null.
     */
    private static final List<String> READ_BY_MODELS = List.of(SEVERITY_LEVEL, IMPACT, URGENCY, RULE_NAME, TARGET_RESOURCE_TYPE,
            NEEDS_MICROSOFT, CAUSE_IDENTIFIED);

    /** An incident raised in ServiceNow itself. */
    static Map<String, Object> of(ServiceNowIncidentEvent event) {
        Map<String, Object> variables = baseVariables(event.customerId(), SOURCE_SERVICENOW);
        variables.put(IMPACT, event.incident().impact());
        variables.put(URGENCY, event.incident().urgency());
        variables.put(SUMMARY, event.incident().shortDescription());
        variables.put(DESCRIPTION, event.incident().description());
        variables.put(SERVICENOW_SYS_ID, event.sysId());
        variables.put(SERVICENOW_NUMBER, event.number());
        variables.put(SERVICENOW_MOD_COUNT, event.modCount());
        return variables;
    }

    private static Map<String, Object> baseVariables(String customerId, String source) {
        Map<String, Object> variables = new HashMap<>();
        READ_BY_MODELS.forEach(name -> variables.put(name, null));
        // Read by the model's test gateway; an incident raised in ServiceNow is never a test.
        variables.put(TEST_ALERT, false);
        variables.put(CustomerTenantIdProvider.CUSTOMER_ID, customerId);
        variables.put(SOURCE, source);
        return variables;
    }

    /** {@code microsoft.compute/virtualmachines} from an ARM resource id; null for anything else. */
    static String resourceType(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        String[] segments = resourceId.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("providers") && i + 2 < segments.length) {
                StringBuilder type = new StringBuilder(segments[i + 1]);
                for (int t = i + 2; t < segments.length; t += 2) {
                    type.append('/').append(segments[t]);
                }
                return type.toString();
            }
        }
        return null;
    }
}
