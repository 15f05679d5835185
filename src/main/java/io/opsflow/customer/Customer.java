package io.opsflow.customer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer of the MSP. Its {@code id} is also its Camunda tenant id. The same shape is read from
 * the customers YAML file and exchanged on {@code /api/customers}; it holds references to secrets
 * (names of environment variables), never secrets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String id,
        String displayName,
        String locale,
        Azure azure,
        ServiceNow servicenow,
        Zabbix zabbix,
        Slack slack,
        Map<String, SlaTarget> sla,
        Members members) {

    public Customer {
        sla = sla == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sla));
    }

    /**
     * The customer's Azure estate as the MSP reaches it, and the credential its Azure Monitor action
     * groups call opsflow with ({@code monitorWebhook}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Azure(String tenantId, List<String> subscriptionIds, AutomationAccount automationAccount,
                        Credential credential, MonitorWebhook monitorWebhook) {
        public Azure {
            subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
        }

        /** Without an Azure Monitor webhook credential. */
        public Azure(String tenantId, List<String> subscriptionIds, AutomationAccount automationAccount, Credential credential) {
            this(tenantId, subscriptionIds, automationAccount, credential, null);
        }
    }

    /**
     * How this customer's action groups prove themselves on {@code /webhooks/azure-monitor/{id}}
     * (docs/webhook-credentials.md). Either or both:
     *
     * @param tokenEnv  plain webhook: the environment variable holding the {@code token} query
     *                  parameter; during a rotation it holds {@code new,old} and both are accepted
     * @param tenantId  Secure Webhook: the Entra tenant of the app registration; default {@code azure.tenantId}
     * @param audiences Secure Webhook: accepted {@code aud} values, the app registration's
     *                  Application ID URI and/or its application (client) id
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MonitorWebhook(String tokenEnv, String tenantId, List<String> audiences) {
        public MonitorWebhook {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    /** The Azure Automation account that runs this customer's runbooks. */
    public record AutomationAccount(String subscriptionId, String resourceGroup, String name) {
    }

    /**
     * How opsflow authenticates to the customer's tenant: {@code client-secret} (secret read from
     * the environment variable {@code secretEnv}), {@code managed-identity} (system-assigned, or
     * user-assigned with {@code clientId}) or {@code workload-identity}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credential(String type, String clientId, String secretEnv) {
    }

    /** The customer in the MSP's ServiceNow instance. */
    public record ServiceNow(String companySysId, String assignmentGroup) {
    }

    /**
     * Zabbix host groups whose problems belong to this customer, and {@code tokenEnv}: the
     * environment variable holding the bearer token its Zabbix sends to
     * {@code /webhooks/zabbix/{id}} ({@code new,old} during a rotation).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Zabbix(List<String> hostGroups, String tokenEnv) {
        public Zabbix {
            hostGroups = hostGroups == null ? List.of() : List.copyOf(hostGroups);
        }

        /** Without a webhook credential. */
        public Zabbix(List<String> hostGroups) {
            this(hostGroups, null);
        }
    }

    /** The customer's Slack channel, as the environment variable holding its incoming-webhook URL. */
    public record Slack(String webhookEnv) {
    }

    /** Targets for one priority, as ISO-8601 durations ({@code PT15M}). */
    public record SlaTarget(Duration acknowledge, Duration identifyCause, Duration resolve) {
    }

    /** Camunda users and groups that work for this customer (its tenant members). */
    public record Members(List<String> users, List<String> groups) {
        public Members {
            users = users == null ? List.of() : List.copyOf(users);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }
}
