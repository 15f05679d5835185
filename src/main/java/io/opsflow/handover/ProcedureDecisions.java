package io.opsflow.handover;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;

/**
 * What an incident of an item will be held to, asked of the same decision tables incident
 * coordination asks (deployed, so a manager's edit of them shows in the next procedure): the priority
 * an alert's severity becomes, and the default SLA targets of a priority the customer has none for.
 */
@Component
class ProcedureDecisions {

    static final String PRIORITY = "incident-priority";
    static final String SLA_DEFAULTS = "incident-sla-defaults";

    /** A decision table's first matching row, its outputs by name; null when no row matches. */
    @FunctionalInterface
    interface Tables {
        Map<String, Object> firstRow(String decisionKey, Map<String, Object> variables);
    }

    private final Tables tables;

    @Autowired
    ProcedureDecisions(DecisionService decisions) {
        this((key, variables) -> {
            DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(key).decisionDefinitionWithoutTenantId()
                    .variables(variables).evaluate().getFirstResult();
            return row == null ? null : row.getEntryMap();
        });
    }

    ProcedureDecisions(Tables tables) {
        this.tables = tables;
    }

    /** As an alert of this severity, with no ServiceNow impact or urgency, is prioritised. */
    String priority(Severity severity) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("severityLevel", severity.level());
        variables.put("impact", null);
        variables.put("urgency", null);
        Map<String, Object> row = tables.firstRow(PRIORITY, variables);
        if (row == null) {
            throw new IllegalStateException("No priority for severity " + severity + " in decision " + PRIORITY);
        }
        return String.valueOf(row.get("priority"));
    }

    /** The customer's own targets for {@code priority}, or else the defaults managers keep in the decision table. */
    Target sla(Customer customer, String priority) {
        Customer.SlaTarget own = customer.sla().get(priority);
        if (own != null) {
            return new Target(own, true);
        }
        Map<String, Object> row = tables.firstRow(SLA_DEFAULTS, Map.of("priority", priority));
        if (row == null) {
            throw new IllegalStateException("No SLA targets for priority " + priority + " in decision " + SLA_DEFAULTS);
        }
        return new Target(new Customer.SlaTarget(duration(row, "acknowledge"), duration(row, "identifyCause"), duration(row, "resolve")), false);
    }

    /** @param own whether the customer agreed it, rather than the defaults applying */
    record Target(Customer.SlaTarget target, boolean own) {
    }

    private static Duration duration(Map<String, Object> row, String output) {
        return Duration.parse(String.valueOf(row.get(output)));
    }
}
