package io.opsflow.webhook;

/**
 * Takes ServiceNow webhook deliveries for one table ({@code incident}, later {@code sc_req_item}
 * for the catalog): a capability plugs in by declaring a bean of this type.
 */
public interface ServiceNowTableHandler {

    /** The {@code event.table} this handler takes. */
    String table();

    /** Maps the delivery and hands it to the capability; refuses it with a {@link WebhookRejectedException}. */
    WebhookResult handle(ServiceNowWebhook webhook);
}
