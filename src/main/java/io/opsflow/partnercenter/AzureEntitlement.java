package io.opsflow.partnercenter;

/** An Azure subscription under the Azure plan: {@code subscriptionId} is the Azure subscription id ARM knows. */
public record AzureEntitlement(String subscriptionId, String friendlyName, Status status) {

    public enum Status { ACTIVE, SUSPENDED, OTHER }
}
