package io.opsflow.customer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer of the MSP. Its {@code id} is also its Camunda tenant id. The same shape is read from
 * the customers YAML file and exchanged on {@code /api/customers}; it holds references to secrets
 * (names of environment variables), never secrets.
 *
 * @param support how the MSP opens and relays Microsoft support tickets for this customer; null for a
 *                customer registered before it, or one the MSP does not escalate for (see {@link #supportOrDefault()})
 * <p>
 * Over 250 lines because it is the registry's whole data model: one record per section, each a few
 * lines, kept together so that a section is read where the customer is.
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
        Members members,
        Support support) {

    public Customer {
        sla = sla == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sla));
    }

    /** Without a support section. */
    public Customer(String id, String displayName, String locale, Azure azure, ServiceNow servicenow, Zabbix zabbix,
                    Slack slack, Map<String, SlaTarget> sla, Members members) {
        this(id, displayName, locale, azure, servicenow, zabbix, slack, sla, members, null);
    }

    /** The same customer with other tenant members. */
    public Customer withMembers(Members members) {
        return new Customer(id, displayName, locale, azure, servicenow, zabbix, slack, sla, members, support);
    }

    /**
     * The support section, or {@link Support#NONE} when the customer has none: plan {@code basic},
     * relay as work notes, no contact (the escalation then asks the operator for one), no auxiliary tenant.
     */
    public Support supportOrDefault() {
        return support == null ? Support.NONE : support;
    }

    /**
     * How the MSP opens Microsoft support tickets for this customer (the Azure Support API, in the
     * customer's subscription) and how Microsoft's messages reach ServiceNow.
     *
     * @param plan              the customer's Microsoft support plan; absent means {@link SupportPlan#BASIC}:
     *                          the registry does not guess a paid plan it was not told of, and the
     *                          severity proposal must not promise response times the customer has not bought
     * @param contact           the customer's contact Microsoft talks to ({@code contactDetails} of a ticket);
     *                          may be absent, then the operator enters it when preparing the ticket
     * @param relay             where each Microsoft communication lands in ServiceNow; absent means
     *                          {@link SupportRelay#WORK_NOTE} (internal), {@code comment} makes it customer-visible
     * @param auxiliaryTenantId for a CSP partner acting on behalf of the customer: the tenant whose token
     *                          goes in {@code x-ms-authorization-auxiliary}; absent when the MSP's own
     *                          identity reaches the subscription (Lighthouse, guest, or customer's app)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Support(SupportPlan plan, Contact contact, SupportRelay relay, String auxiliaryTenantId) {

        /** What a customer without a support section is treated as. */
        public static final Support NONE = new Support(null, null, null, null);

        public Support {
            plan = plan == null ? SupportPlan.BASIC : plan;
            relay = relay == null ? SupportRelay.WORK_NOTE : relay;
        }
    }

    /**
     * The customer's Microsoft support plan, as the severity decision table reads it ({@link #value()}).
     * Ordered from the most to the least support Microsoft owes.
     */
    public enum SupportPlan {
        /** Unified (formerly Premier): severity A {@code highestcriticalimpact} is available. */
        UNIFIED("unified"),
        PROFESSIONAL_DIRECT("professional-direct"),
        STANDARD("standard"),
        DEVELOPER("developer"),
        /** No paid plan: Microsoft takes only billing, subscription-management and quota cases. */
        BASIC("basic");

        private final String value;

        SupportPlan(String value) {
            this.value = value;
        }

        /** The name in the YAML file, on the API, in the database and in decision tables. */
        @JsonValue
        public String value() {
            return value;
        }

        /** The plan with this {@link #value()}, or empty. */
        public static Optional<SupportPlan> of(String value) {
            return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
        }
    }

    /** Where Microsoft's messages are written on the ServiceNow record. */
    public enum SupportRelay {
        /** {@code work_notes}: seen by the MSP only. */
        WORK_NOTE("workNote"),
        /** {@code comments}: additional comments, visible to the customer's callers. */
        COMMENT("comment");

        private final String value;

        SupportRelay(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        public static Optional<SupportRelay> of(String value) {
            return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
        }
    }

    /** How Microsoft should reach the contact first ({@code preferredContactMethod}). */
    public enum ContactMethod {
        EMAIL("email"),
        /** Needs {@code phone}. */
        PHONE("phone");

        private final String value;

        ContactMethod(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        public static Optional<ContactMethod> of(String value) {
            return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
        }
    }

    /**
     * The person Microsoft contacts about the customer's tickets: a ticket's {@code contactDetails}.
     * Names are kept as written (Japanese included).
     *
     * @param preferredContactMethod default {@code email}
     * @param preferredLanguage      Microsoft's {@code preferredSupportLanguage}, default {@code ja-JP}
     * @param timeZone               a Microsoft Time Zone Index name, default {@code Tokyo Standard Time}
     * @param country                ISO 3166-1 alpha-3, lower case as Microsoft writes it, default {@code jpn}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Contact(String firstName, String lastName, String email, List<String> additionalEmails, String phone,
                          ContactMethod preferredContactMethod, String preferredLanguage, String timeZone, String country) {

        public static final String DEFAULT_LANGUAGE = "ja-JP";
        public static final String DEFAULT_TIME_ZONE = "Tokyo Standard Time";
        public static final String DEFAULT_COUNTRY = "jpn";

        public Contact {
            additionalEmails = additionalEmails == null ? List.of() : List.copyOf(additionalEmails);
            preferredContactMethod = preferredContactMethod == null ? ContactMethod.EMAIL : preferredContactMethod;
            preferredLanguage = preferredLanguage == null ? DEFAULT_LANGUAGE : preferredLanguage;
            timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
            country = country == null ? DEFAULT_COUNTRY : country;
        }
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
     *
     * @param apiUrl      the customer's Zabbix frontend ({@code https://zabbix.example.jp/zabbix}, where
     *                    {@code api_jsonrpc.php} lies) when opsflow may reach its API (Zabbix 5.4 or later,
     *                    API tokens); null: the monitoring design reaches it only as an import file
     * @param apiTokenEnv the environment variable holding the API token opsflow calls it with
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Zabbix(List<String> hostGroups, String tokenEnv, String apiUrl, String apiTokenEnv) {
        public Zabbix {
            hostGroups = hostGroups == null ? List.of() : List.copyOf(hostGroups);
        }

        /** Without API access: problems come in, the monitoring design goes out as an import file. */
        public Zabbix(List<String> hostGroups, String tokenEnv) {
            this(hostGroups, tokenEnv, null, null);
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
