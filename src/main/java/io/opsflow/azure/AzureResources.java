package io.opsflow.azure;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.customer.Customer;

/** Existence checks on a customer's resources ({@code Microsoft.Resources}, api-version 2025-04-01). */
public class AzureResources {

    static final String API_VERSION = "2025-04-01";

    private final ArmClient arm;
    private final ResourceApiVersions apiVersions;

    public AzureResources(ArmClient arm) {
        this.arm = arm;
        this.apiVersions = new ResourceApiVersions(arm);
    }

    /** True if the group exists (in any provisioning state); a 404 {@code ResourceGroupNotFound} is false. */
    public boolean resourceGroupExists(Customer customer, String subscriptionId, String resourceGroup) {
        return arm.find(customer, ArmRequest.get(ArmPath.of("subscriptions", subscriptionId, "resourcegroups", resourceGroup),
                API_VERSION)).isPresent();
    }

    /**
     * True if the resource exists; a 404 ({@code ResourceNotFound}, or {@code ResourceGroupNotFound}
     * when its group is gone) is false. {@code apiVersion} must be one the resource's own provider
     * supports (e.g. 2024-11-01 for {@code Microsoft.Compute/virtualMachines}).
     */
    public boolean resourceExists(Customer customer, String resourceId, String apiVersion) {
        return arm.find(customer, ArmRequest.get(resourceId, apiVersion)).isPresent();
    }

    /**
     * True if the resource exists, asked with an api-version of its type that opsflow knows or its
     * provider lists (see {@link ResourceApiVersions}); a type the provider does not know is false too.
     */
    public boolean resourceExists(Customer customer, String resourceId) {
        return apiVersions.of(customer, resourceId).map(version -> resourceExists(customer, resourceId, version)).orElse(false);
    }

    /** The resource as ARM answers it ({@code id}, {@code properties}, ...), or empty on a 404. */
    public Optional<JsonNode> resource(Customer customer, String resourceId, String apiVersion) {
        return arm.find(customer, ArmRequest.get(resourceId, apiVersion)).map(ArmResponse::json);
    }
}
