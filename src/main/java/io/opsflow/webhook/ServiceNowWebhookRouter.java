package io.opsflow.webhook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.opsflow.intake.IntakeResult;

/** Sends each ServiceNow delivery to the {@link ServiceNowTableHandler} of its table. */
@Component
class ServiceNowWebhookRouter {

    private final Map<String, ServiceNowTableHandler<?>> handlers = new TreeMap<>();

    ServiceNowWebhookRouter(List<ServiceNowTableHandler<?>> handlers) {
        for (ServiceNowTableHandler<?> handler : handlers) {
            ServiceNowTableHandler<?> previous = this.handlers.put(handler.table(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for ServiceNow table " + handler.table() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    IntakeResult route(ServiceNowWebhook webhook) {
        ServiceNowTableHandler<?> handler = handlers.get(webhook.table());
        if (handler == null) {
            throw WebhookRejectedException.unprocessable("No process handles ServiceNow table '" + webhook.table()
                    + "' (handled: " + String.join(", ", handlers.keySet()) + ")");
        }
        return handler.handle(webhook);
    }
}
