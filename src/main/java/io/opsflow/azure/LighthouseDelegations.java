package io.opsflow.azure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;

/**
 * Azure Lighthouse (Microsoft.ManagedServices, api-version 2022-10-01): a registration definition naming
 * the MSP's principals and their built-in roles, and its assignment to the customer's subscription. Both
 * ids are derived from the MSP tenant and the subscription, so a repeated PUT (a step re-run after a crash)
 * updates the same delegation instead of making a second one.
 */
public class LighthouseDelegations {

    static final String API_VERSION = "2022-10-01";
    static final String SUBSCRIPTION_API_VERSION = "2022-12-01";

    private final ArmClient arm;

    public LighthouseDelegations(ArmClient arm) {
        this.arm = arm;
    }

    /** What the MSP asks for: its tenant, the offer's name, and who gets which role. */
    public record Delegation(String managedByTenantId, String offerName, String description, List<Authorization> authorizations) {
    }

    public record Authorization(String principalId, String principalIdDisplayName, String roleDefinitionId) {
    }

    /**
     * Puts the definition and its assignment on {@code /subscriptions/{subscriptionId}}. {@code inCustomerTenant}
     * must sign in to the customer's tenant with rights to write role assignments there: a token from the MSP's
     * tenant cannot create the delegation.
     *
     * @return the assignment's resource id
     */
    public String delegate(Customer inCustomerTenant, String subscriptionId, Delegation delegation) {
        String scope = ArmPath.of("subscriptions", subscriptionId);
        String definitionId = scope + "/providers/Microsoft.ManagedServices/registrationDefinitions/"
                + id("definition", delegation.managedByTenantId(), subscriptionId);
        String assignmentId = scope + "/providers/Microsoft.ManagedServices/registrationAssignments/"
                + id("assignment", delegation.managedByTenantId(), subscriptionId);
        arm.send(inCustomerTenant, ArmRequest.put(definitionId, API_VERSION, definition(delegation)));
        ObjectNode assignment = JsonNodeFactory.instance.objectNode();
        assignment.putObject("properties").put("registrationDefinitionId", definitionId);
        arm.send(inCustomerTenant, ArmRequest.put(assignmentId, API_VERSION, assignment));
        return assignmentId;
    }

    /** Whether {@code asMsp} (the MSP's own identity) reads the subscription: the delegation works. */
    public boolean reaches(Customer asMsp, String subscriptionId) {
        return arm.find(asMsp, ArmRequest.get(ArmPath.of("subscriptions", subscriptionId), SUBSCRIPTION_API_VERSION)).isPresent();
    }

    static String id(String kind, String managedByTenantId, String subscriptionId) {
        return UUID.nameUUIDFromBytes(("opsflow-lighthouse-" + kind + ":" + managedByTenantId.toLowerCase() + ":"
                + subscriptionId.toLowerCase()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonNode definition(Delegation delegation) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = body.putObject("properties");
        properties.put("registrationDefinitionName", delegation.offerName());
        properties.put("description", delegation.description());
        properties.put("managedByTenantId", delegation.managedByTenantId());
        for (Authorization authorization : delegation.authorizations()) {
            properties.withArray("authorizations").addObject()
                    .put("principalId", authorization.principalId())
                    .put("principalIdDisplayName", authorization.principalIdDisplayName())
                    .put("roleDefinitionId", authorization.roleDefinitionId());
        }
        return body;
    }
}
