package io.opsflow.servicenow;

import java.util.Objects;

/**
 * An incident to open. {@code correlationId} is the deterministic id of what raised it (the Azure
 * alert id, the Zabbix event id): creation is idempotent on it. Reference fields are sys_ids;
 * {@code impact} and {@code urgency} are ServiceNow's codes ("1" High, "2" Medium, "3" Low).
 * Null fields are not sent; {@link #forCorrelationId} names the ones that are.
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

    /** An incident idempotent on {@code correlationId}, its other fields named one by one. */
    public static Builder forCorrelationId(String correlationId) {
        return new Builder(correlationId);
    }

    public static final class Builder {
        private final String correlationId;
        private String correlationDisplay;
        private String company;
        private String callerId;
        private String assignmentGroup;
        private String cmdbCi;
        private String shortDescription;
        private String description;
        private String impact;
        private String urgency;
        private String category;
        private String subcategory;

        private Builder(String correlationId) {
            this.correlationId = correlationId;
        }

        public Builder correlationDisplay(String value) { correlationDisplay = value; return this; }
        public Builder company(String value) { company = value; return this; }
        public Builder callerId(String value) { callerId = value; return this; }
        public Builder assignmentGroup(String value) { assignmentGroup = value; return this; }
        public Builder cmdbCi(String value) { cmdbCi = value; return this; }
        public Builder shortDescription(String value) { shortDescription = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder impact(String value) { impact = value; return this; }
        public Builder urgency(String value) { urgency = value; return this; }
        public Builder category(String value) { category = value; return this; }
        public Builder subcategory(String value) { subcategory = value; return this; }

        public NewIncident build() {
            return new NewIncident(correlationId, correlationDisplay, company, callerId, assignmentGroup, cmdbCi,
                    shortDescription, description, impact, urgency, category, subcategory);
        }
    }
}
