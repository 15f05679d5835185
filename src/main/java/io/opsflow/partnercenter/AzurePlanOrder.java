package io.opsflow.partnercenter;

/**
 * The Azure plan order; {@code existing} when the customer already had an Azure plan and nothing was ordered.
 */
public record AzurePlanOrder(String orderId, Status status, boolean existing) {

    public enum Status { PENDING, COMPLETED }
}
