package io.opsflow.customer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.opsflow.validation.FieldChecks;
import io.opsflow.validation.FieldProblem;

/**
 * Checks one customer on its own (shape, formats, SLA order); conflicts with other customers are
 * checked by the registry. Every problem is reported, not only the first, each with its field path.
 */
final class CustomerValidator {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Set<String> LOCALES = Set.of("ja", "en");
    static final Set<String> CREDENTIAL_TYPES = Set.of("client-secret", "managed-identity", "workload-identity", "lighthouse");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w._()]{0,89}[-\\w_()]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern AUTOMATION_ACCOUNT = Pattern.compile("[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]");
    private static final Pattern HTTPS_URL = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?");
    private static final Pattern PRIORITY = Pattern.compile("P[1-5]");
    private static final Pattern AUDIENCE = Pattern.compile("\\S{1,200}");
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}");
    /** Deliberately loose (Microsoft checks deliverability): one {@code @}, a dotted domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("(?=.{3,254}$)[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{4,38}");
    private static final Pattern SUPPORT_LANGUAGE = Pattern.compile("[a-zA-Z]{2}(-[a-zA-Z]{2,4})?");
    private static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z0-9 .+()-]{1,100}");
    private static final Pattern COUNTRY = Pattern.compile("[a-zA-Z]{3}");
    static final int MAX_ADDITIONAL_EMAILS = 10;

    private final FieldChecks checks = new FieldChecks();

    private CustomerValidator() {
    }

    static List<FieldProblem> validate(Customer c) {
        CustomerValidator v = new CustomerValidator();
        v.check(c);
        return v.checks.problems();
    }

    private void check(Customer c) {
        if (checks.required("id", c.id())) {
            checks.matches("id", c.id(), SLUG, "must be a slug: lower-case letters, digits and '-', at most 63 characters");
        }
        if (checks.required("displayName", c.displayName()) && c.displayName().length() > 200) {
            checks.problem("displayName", "must be at most 200 characters");
        }
        if (checks.required("locale", c.locale()) && !LOCALES.contains(c.locale())) {
            checks.problem("locale", "must be 'ja' or 'en', got '" + c.locale() + "'");
        }
        if (c.azure() != null) {
            checkAzure(c.azure());
        }
        if (c.servicenow() != null && checks.required("servicenow.companySysId", c.servicenow().companySysId())) {
            checks.matches("servicenow.companySysId", c.servicenow().companySysId(), SYS_ID,
                    "must be a ServiceNow sys_id (32 lower-case hexadecimal characters)");
        }
        if (c.servicenow() != null && c.servicenow().assignmentGroup() != null && c.servicenow().assignmentGroup().length() > 100) {
            checks.problem("servicenow.assignmentGroup", "must be at most 100 characters");
        }
        if (c.zabbix() != null) {
            checks.unique("zabbix.hostGroups", c.zabbix().hostGroups());
            if (c.zabbix().tokenEnv() != null) {
                checks.matches("zabbix.tokenEnv", c.zabbix().tokenEnv(), ENV_NAME,
                        "must name the environment variable that holds the token (A-Z, 0-9, _), never the token itself");
            }
            checkZabbixApi(c.zabbix());
        }
        if (c.slack() != null && checks.required("slack.webhookEnv", c.slack().webhookEnv())) {
            checks.matches("slack.webhookEnv", c.slack().webhookEnv(), ENV_NAME, "must name an environment variable (A-Z, 0-9, _)");
        }
        c.sla().forEach(this::checkSla);
        if (c.support() != null) {
            checkSupport(c.support());
        }
        if (c.members() != null) {
            checks.eachMatches("members.users", c.members().users(), USER_ID, "is not a valid user id");
            checks.eachMatches("members.groups", c.members().groups(), SLUG, "is not a valid group id");
        }
    }

    private void checkAzure(Customer.Azure azure) {
        if (checks.required("azure.tenantId", azure.tenantId())) {
            checks.matches("azure.tenantId", azure.tenantId(), UUID, "must be a GUID (the Microsoft Entra tenant id)");
        }
        checks.eachMatches("azure.subscriptionIds", azure.subscriptionIds(), UUID, "must be a subscription GUID");
        checks.unique("azure.subscriptionIds", azure.subscriptionIds());
        Customer.AutomationAccount account = azure.automationAccount();
        if (account != null) {
            if (checks.required("azure.automationAccount.subscriptionId", account.subscriptionId())) {
                checks.matches("azure.automationAccount.subscriptionId", account.subscriptionId(), UUID, "must be a subscription GUID");
            }
            if (checks.required("azure.automationAccount.resourceGroup", account.resourceGroup())) {
                checks.matches("azure.automationAccount.resourceGroup", account.resourceGroup(), RESOURCE_GROUP,
                        "must be an Azure resource group name (1-90 letters, digits, '-', '_', '.', '(', ')', not ending in '.')");
            }
            if (checks.required("azure.automationAccount.name", account.name())) {
                checks.matches("azure.automationAccount.name", account.name(), AUTOMATION_ACCOUNT,
                        "must be an Automation account name (6-50 letters, digits and '-', starting with a letter)");
            }
        }
        if (checks.required("azure.credential", azure.credential())) {
            checkCredential(azure.credential());
        }
        if (azure.monitorWebhook() != null) {
            checkMonitorWebhook(azure.monitorWebhook());
        }
    }

    /** The API is optional; where given, both halves are, and the token travels over HTTPS only. */
    private void checkZabbixApi(Customer.Zabbix zabbix) {
        if (zabbix.apiUrl() == null && zabbix.apiTokenEnv() == null) {
            return;
        }
        if (checks.required("zabbix.apiUrl", zabbix.apiUrl())) {
            checks.matches("zabbix.apiUrl", zabbix.apiUrl(), HTTPS_URL,
                    "must be the https URL of the Zabbix frontend (where api_jsonrpc.php lies), without query or fragment");
        }
        if (checks.required("zabbix.apiTokenEnv", zabbix.apiTokenEnv())) {
            checks.matches("zabbix.apiTokenEnv", zabbix.apiTokenEnv(), ENV_NAME,
                    "must name the environment variable that holds the API token (A-Z, 0-9, _), never the token itself");
        }
    }

    private void checkSupport(Customer.Support support) {
        if (support.auxiliaryTenantId() != null) {
            checks.matches("support.auxiliaryTenantId", support.auxiliaryTenantId(), UUID,
                    "must be a GUID (the customer's Microsoft Entra tenant the CSP partner acts on behalf of)");
        }
        Customer.Contact contact = support.contact();
        if (contact == null) {
            return;
        }
        name("support.contact.firstName", contact.firstName());
        name("support.contact.lastName", contact.lastName());
        if (checks.required("support.contact.email", contact.email())) {
            checks.matches("support.contact.email", contact.email(), EMAIL, "must be an e-mail address such as ops@example.co.jp (at most 254 characters)");
        }
        checks.eachMatches("support.contact.additionalEmails", contact.additionalEmails(), EMAIL,
                "must be an e-mail address such as ops@example.co.jp (at most 254 characters)");
        checks.unique("support.contact.additionalEmails", contact.additionalEmails());
        if (contact.additionalEmails().size() > MAX_ADDITIONAL_EMAILS) {
            checks.problem("support.contact.additionalEmails", "must list at most " + MAX_ADDITIONAL_EMAILS + " addresses");
        }
        if (contact.phone() != null) {
            checks.matches("support.contact.phone", contact.phone(), PHONE,
                    "must be a telephone number of digits, spaces, '-', '.', '(', ')' with an optional leading '+'");
        } else if (contact.preferredContactMethod() == Customer.ContactMethod.PHONE) {
            checks.problem("support.contact.phone", "is required when preferredContactMethod is phone");
        }
        checks.matches("support.contact.preferredLanguage", contact.preferredLanguage(), SUPPORT_LANGUAGE,
                "must be a Microsoft support language such as ja-JP or en-US");
        checks.matches("support.contact.timeZone", contact.timeZone(), TIME_ZONE,
                "must be a Microsoft time zone name such as Tokyo Standard Time");
        checks.matches("support.contact.country", contact.country(), COUNTRY,
                "must be an ISO 3166-1 alpha-3 country code such as jpn");
    }

    private void name(String field, String value) {
        if (checks.required(field, value) && value.length() > 100) {
            checks.problem(field, "must be at most 100 characters");
        }
    }

    private void checkMonitorWebhook(Customer.MonitorWebhook webhook) {
        if (webhook.tokenEnv() == null && webhook.audiences().isEmpty()) {
            checks.problem("azure.monitorWebhook", "needs tokenEnv (plain webhook) or audiences (Secure Webhook), or both");
        }
        if (webhook.tokenEnv() != null) {
            checks.matches("azure.monitorWebhook.tokenEnv", webhook.tokenEnv(), ENV_NAME,
                    "must name the environment variable that holds the token (A-Z, 0-9, _), never the token itself");
        }
        if (webhook.tenantId() != null) {
            checks.matches("azure.monitorWebhook.tenantId", webhook.tenantId(), UUID, "must be a GUID (the app registration's tenant)");
        }
        checks.eachMatches("azure.monitorWebhook.audiences", webhook.audiences(), AUDIENCE,
                "must be the Application ID URI (api://…) or the application (client) id, without spaces");
        checks.unique("azure.monitorWebhook.audiences", webhook.audiences());
    }

    private void checkCredential(Customer.Credential credential) {
        String type = credential.type();
        if (!checks.required("azure.credential.type", type)) {
            return;
        }
        if (!CREDENTIAL_TYPES.contains(type)) {
            checks.problem("azure.credential.type", "must be one of client-secret, managed-identity, workload-identity, lighthouse; got '" + type + "'");
            return;
        }
        if (type.equals("lighthouse")) {
            // The MSP's own app (opsflow.azure.msp) in the MSP's tenant: nothing of the customer's to name.
            if (credential.clientId() != null || credential.secretEnv() != null) {
                checks.problem("azure.credential", "type lighthouse uses the MSP's app (opsflow.azure.msp): no clientId or secretEnv");
            }
            return;
        }
        boolean clientIdRequired = !type.equals("managed-identity");
        if (credential.clientId() != null || clientIdRequired) {
            if (checks.required("azure.credential.clientId", credential.clientId())) {
                checks.matches("azure.credential.clientId", credential.clientId(), UUID, "must be the application (client) GUID");
            }
        }
        if (type.equals("client-secret")) {
            if (checks.required("azure.credential.secretEnv", credential.secretEnv())) {
                checks.matches("azure.credential.secretEnv", credential.secretEnv(), ENV_NAME,
                        "must name the environment variable that holds the secret (A-Z, 0-9, _), never the secret itself");
            }
        } else if (credential.secretEnv() != null) {
            checks.problem("azure.credential.secretEnv", "is only used with type client-secret");
        }
    }

    private void checkSla(String priority, Customer.SlaTarget target) {
        String field = "sla." + priority;
        if (!PRIORITY.matcher(priority).matches()) {
            checks.problem(field, "priority must be one of P1, P2, P3, P4, P5");
            return;
        }
        if (!checks.required(field, target)) {
            return;
        }
        boolean complete = positive(field + ".acknowledge", target.acknowledge())
                & positive(field + ".identifyCause", target.identifyCause())
                & positive(field + ".resolve", target.resolve());
        if (complete && (target.acknowledge().compareTo(target.identifyCause()) > 0
                || target.identifyCause().compareTo(target.resolve()) > 0)) {
            checks.problem(field, "targets must not decrease: acknowledge <= identifyCause <= resolve");
        }
    }

    private boolean positive(String field, Duration duration) {
        return checks.required(field, duration) && checks.positive(field, duration);
    }
}
