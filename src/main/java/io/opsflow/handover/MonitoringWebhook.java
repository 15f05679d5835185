package io.opsflow.handover;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.env.Environment;

import io.opsflow.azure.MonitorAlertRules;
import io.opsflow.customer.Customer;
import io.opsflow.customerintake.IntakeProperties;
import io.opsflow.customerintake.RepositoryFiles;

/**
 * The webhook receiver of a customer's action group: opsflow's {@code /webhooks/azure-monitor/{customerId}}
 * (the URL the intake's template gives the group) with the customer's credential
 * (docs/webhook-credentials.md). With Secure Webhook audiences, Azure Monitor sends an Entra token for
 * the app whose Application ID URI is the first audience written as a URI and whose object id is
 * {@code opsflow.customer-intake.lighthouse.app-object-id}, in the credential's tenant (default the
 * customer's); otherwise the plain webhook carries the token from the variable {@code tokenEnv} names
 * as {@code ?token=} (the first one while a rotation holds {@code new,old}).
 */
final class MonitoringWebhook {

    /** The receiver name the intake's template ({@code operations.bicep}) gives it. */
    static final String RECEIVER = "opsflow";

    private MonitoringWebhook() {
    }

    static MonitorAlertRules.WebhookReceiver receiver(Customer customer, IntakeProperties intake, Environment environment) {
        Customer.MonitorWebhook credential = customer.azure().monitorWebhook();
        if (credential == null) {
            throw new IllegalStateException("Customer '" + customer.id() + "' has no Azure Monitor webhook credential"
                    + " (azure.monitorWebhook in the registry): its action group could not call opsflow");
        }
        String url = RepositoryFiles.webhookUrl(intake, customer.id());
        if (!credential.audiences().isEmpty()) {
            List<String> audiences = credential.audiences();
            String identifierUri = audiences.stream().filter(a -> a.contains("://")).findFirst().orElse(audiences.get(0));
            String tenant = credential.tenantId() != null ? credential.tenantId() : customer.azure().tenantId();
            String objectId = intake.lighthouse().appObjectId();
            if (objectId == null || objectId.isBlank()) {
                throw new IllegalStateException("Customer '" + customer.id() + "' uses Secure Webhook, but opsflow's app object id"
                        + " (opsflow.customer-intake.lighthouse.app-object-id) is not set: Azure Monitor could not get a token for it");
            }
            return new MonitorAlertRules.WebhookReceiver(RECEIVER, url, true, true, objectId, identifierUri, tenant);
        }
        String value = credential.tokenEnv() == null ? null : environment.getProperty(credential.tokenEnv());
        String token = value == null ? "" : value.split(",")[0].trim();
        if (token.isEmpty()) {
            throw new IllegalStateException("The variable " + credential.tokenEnv() + " with the Azure Monitor webhook token"
                    + " of customer '" + customer.id() + "' is not set");
        }
        return new MonitorAlertRules.WebhookReceiver(RECEIVER, url + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), true);
    }
}
