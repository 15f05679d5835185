package io.opsflow.webhook;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * Which customer a monitoring webhook call comes from: the customer in the URL, proven by that
 * customer's own credential (docs/webhook-credentials.md). A credential never reaches beyond its
 * customer, so a customer who can read its own action group or Zabbix configuration can raise
 * alerts for itself only; the payload is then checked against that customer (403 outside it).
 * <p>
 * Tokens are read from the environment variables the registry names, at each call, so rotating
 * one customer's token is a change of one variable. A variable may hold several comma-separated
 * tokens (new and old during a rotation); each is compared in constant time. Unknown customers and
 * customers without this credential get the same 401, so the endpoint does not list customers.
 */
@Component
class WebhookCredentials {

    private static final Logger log = LoggerFactory.getLogger(WebhookCredentials.class);
    private static final String BEARER = "Bearer ";

    private final CustomerRegistry customers;
    private final SecureWebhookTokens secureWebhooks;
    private final Environment environment;

    /**
     * Spring's {@link Environment} rather than {@code System.getenv}: it is the process environment
     * in production, and lets tests and {@code --NAME=value} runs supply a variable.
     */
    WebhookCredentials(CustomerRegistry customers, SecureWebhookTokens secureWebhooks, Environment environment) {
        this.customers = customers;
        this.secureWebhooks = secureWebhooks;
        this.environment = environment;
        for (String retired : List.of("OPSFLOW_WEBHOOK_AZURE_MONITOR_TOKEN", "OPSFLOW_WEBHOOK_ZABBIX_TOKEN")) {
            if (environment.containsProperty(retired)) {
                log.warn("{} is set but no longer used: Azure Monitor and Zabbix credentials are per customer "
                        + "(docs/webhook-credentials.md); unset it", retired);
            }
        }
    }

    /**
     * An action group of {@code customerId}: Secure Webhook ({@code Authorization: Bearer} Entra
     * token for the customer's app registration) when the header is there, else the plain webhook's
     * {@code token} query parameter.
     */
    Customer azureMonitor(String customerId, String token, String authorization) {
        Optional<Customer> found = customers.find(customerId);
        Customer.MonitorWebhook credential = found.map(Customer::azure).map(Customer.Azure::monitorWebhook).orElse(null);
        if (credential == null) {
            throw WebhookRejectedException.unauthorized("Customer '" + customerId
                    + "' has no Azure Monitor webhook credential (azure.monitorWebhook in the registry)");
        }
        Customer customer = found.get();
        String bearer = bearer(authorization);
        if (bearer != null) {
            if (credential.audiences().isEmpty()) {
                throw WebhookRejectedException.unauthorized("Customer '" + customerId
                        + "' has no Secure Webhook audiences (azure.monitorWebhook.audiences): a bearer token cannot be accepted");
            }
            String tenant = credential.tenantId() != null ? credential.tenantId() : customer.azure().tenantId();
            secureWebhooks.verify(bearer, customerId, tenant, credential.audiences());
            return customer;
        }
        if (credential.tokenEnv() == null) {
            throw WebhookRejectedException.unauthorized("Customer '" + customerId
                    + "' accepts Secure Webhook calls only: Authorization: Bearer <Entra ID token> is missing");
        }
        if (token == null) {
            throw WebhookRejectedException.unauthorized("The token query parameter is missing");
        }
        if (!matchesAny(tokens(credential.tokenEnv()), token)) {
            throw WebhookRejectedException.unauthorized("The token query parameter is wrong");
        }
        return customer;
    }

    /** A Zabbix server sending for {@code customerId} with that customer's bearer token. */
    Customer zabbix(String customerId, String authorization) {
        Optional<Customer> found = customers.find(customerId);
        String variable = found.map(Customer::zabbix).map(Customer.Zabbix::tokenEnv).orElse(null);
        if (variable == null) {
            throw WebhookRejectedException.unauthorized("Customer '" + customerId
                    + "' has no Zabbix webhook credential (zabbix.tokenEnv in the registry)");
        }
        String bearer = bearer(authorization);
        if (bearer == null) {
            throw WebhookRejectedException.unauthorized("Authorization: Bearer <token> is missing");
        }
        if (!matchesAny(tokens(variable), bearer)) {
            throw WebhookRejectedException.unauthorized("The bearer token is wrong");
        }
        return found.get();
    }

    private List<String> tokens(String variable) {
        String value = environment.getProperty(variable);
        List<String> tokens = value == null ? List.of()
                : List.of(value.split(",")).stream().map(String::trim).filter(WebhookProperties::isSet).toList();
        if (tokens.isEmpty()) {
            throw WebhookRejectedException.notConfigured(variable);
        }
        return tokens;
    }

    /** Compares with every token, without stopping at a match, so timing does not tell which one matched. */
    private static boolean matchesAny(List<String> expected, String given) {
        boolean matched = false;
        for (String token : expected) {
            matched |= WebhookRequests.sameSecret(token, given);
        }
        return matched;
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
