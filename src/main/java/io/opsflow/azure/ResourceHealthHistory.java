package io.opsflow.azure;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.customer.Customer;

/**
 * A resource's availability history from Azure Resource Health
 * ({@code GET {resourceId}/providers/Microsoft.ResourceHealth/availabilityStatuses}, api-version
 * 2025-04-01, {@code nextLink} pages followed): the transitions Azure keeps (its own retention,
 * weeks, not years), with the current status among them.
 */
public class ResourceHealthHistory {

    static final String API_VERSION = "2025-04-01";

    private final ArmClient arm;

    ResourceHealthHistory(ArmClient arm) {
        this.arm = arm;
    }

    /**
     * Oldest first. Empty when the resource is gone (404) or Resource Health knows nothing of it.
     * The time is {@code occuredTime}, as the API spells it ({@code occurredTime} is read too).
     */
    public List<AvailabilityTransition> transitions(Customer customer, String resourceId) {
        ArmRequest request = ArmRequest.get(MonitorPaths.under(resourceId, "providers", "Microsoft.ResourceHealth", "availabilityStatuses"),
                API_VERSION);
        List<JsonNode> statuses;
        try {
            statuses = arm.list(customer, request);
        } catch (ArmNotFoundException gone) {
            return List.of();
        }
        List<AvailabilityTransition> transitions = new ArrayList<>();
        for (JsonNode status : statuses) {
            JsonNode properties = status.path("properties");
            String time = properties.path("occuredTime").asText(properties.path("occurredTime").asText(null));
            if (time == null || time.isBlank()) {
                continue;
            }
            try {
                transitions.add(new AvailabilityTransition(Instant.parse(time),
                        AvailabilityTransition.State.of(properties.path("availabilityState").asText())));
            } catch (DateTimeParseException notATime) {
                // A status without a usable time cannot be placed in the month; the others still can.
            }
        }
        transitions.sort(Comparator.comparing(AvailabilityTransition::occurredAt));
        return transitions;
    }
}
