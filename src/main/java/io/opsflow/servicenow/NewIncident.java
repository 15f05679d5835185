package io.opsflow.servicenow;

import java.util.Objects;

/**
 * An incident to open. {@code correlationId} is the deterministic id of what raised it (the Azure
 * alert id, the Zabbix event id): creation is idempotent on it. Reference fields are sys_ids;
 * {@code impact} and {@code urgency} are ServiceNow's codes ("1" High, "2" Medium, "3" Low).
 * Null fields are not sent.
 */
public record NewIncident(
        String correlationId,
        String correlationDisplay,
        String company,
        String callerId,
        String assignmentGroup,
        String cmdbCi,
        String shortDescription,
        String description,
        String impact,
        String urgency,
        String category,
        String subcategory) {

    public NewIncident {
        Objects.requireNonNull(correlationId, "correlationId");
        // Checked here too so that a bad id fails before anything is sent: the duplicate check queries by it.
        if (correlationId.isBlank() || correlationId.contains("^")) {
            throw new IllegalArgumentException("correlationId must be non-blank and free of '^': " + correlationId);
        }
    }
}
