package io.opsflow.azure;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** An Azure Automation job as {@code Job_Get} / {@code Job_Create} describe it. */
public record AutomationJob(String name, String jobId, String runbookName, AutomationJobStatus status,
                            String statusDetails, String provisioningState, String exception,
                            OffsetDateTime creationTime, OffsetDateTime startTime, OffsetDateTime endTime,
                            Map<String, String> parameters) {

    static AutomationJob from(JsonNode job) {
        JsonNode p = job.path("properties");
        Map<String, String> parameters = new LinkedHashMap<>();
        p.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return new AutomationJob(job.path("name").asText(null), p.path("jobId").asText(null),
                p.path("runbook").path("name").asText(null), AutomationJobStatus.of(p.path("status").asText("")),
                p.path("statusDetails").asText(null), p.path("provisioningState").asText(null),
                p.path("exception").asText(null), time(p, "creationTime"), time(p, "startTime"), time(p, "endTime"),
                Map.copyOf(parameters));
    }

    static OffsetDateTime time(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        return value == null || value.isBlank() ? null : OffsetDateTime.parse(value);
    }
}
