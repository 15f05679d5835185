package io.opsflow.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry tables. Tenant memberships are not here: Camunda's identity store holds them. */
@Repository
class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Customer> findAll() {
        return jdbc.sql("select * from opsflow_customer order by id").query(this::customer).list()
                .stream().map(this::withLists).toList();
    }

    Optional<Customer> findById(String id) {
        return jdbc.sql("select * from opsflow_customer where id = ?").param(id).query(this::customer).optional().map(this::withLists);
    }

    Optional<String> customerOfSubscription(String subscriptionId) {
        return jdbc.sql("select customer_id from opsflow_customer_subscription where lower(subscription_id) = lower(?)")
                .param(subscriptionId).query(String.class).optional();
    }

    Optional<String> customerOfHostGroup(String hostGroup) {
        return jdbc.sql("select customer_id from opsflow_customer_host_group where host_group = ?")
                .param(hostGroup).query(String.class).optional();
    }

    /** A company has at most one customer (unique index opsflow_customer_company). */
    Optional<String> customerOfServiceNowCompany(String companySysId) {
        return jdbc.sql("select id from opsflow_customer where servicenow_company_sys_id = ?")
                .param(companySysId).query(String.class).optional();
    }

    /** The customers other than {@code customerId} whose Azure Monitor or Zabbix webhook token this variable holds. */
    List<String> customersWithTokenEnv(String variable, String customerId) {
        return jdbc.sql("""
                        select id from opsflow_customer
                        where (azure_monitor_token_env = :v or zabbix_token_env = :v) and id <> :id order by id""")
                .param("v", variable).param("id", customerId).query(String.class).list();
    }

    /** A customer's Secure Webhook audiences with the tenant that issues their tokens. */
    record SecureWebhookAudiences(String customerId, String tenantId, List<String> audiences) {
    }

    List<SecureWebhookAudiences> secureWebhookAudiences() {
        return jdbc.sql("""
                        select id, coalesce(azure_monitor_tenant_id, azure_tenant_id) as tenant_id, azure_monitor_audiences
                        from opsflow_customer where azure_monitor_audiences is not null order by id""")
                .query((rs, n) -> new SecureWebhookAudiences(rs.getString("id"), rs.getString("tenant_id"),
                        List.of(rs.getString("azure_monitor_audiences").split(" ")))).list();
    }

    long count() {
        return jdbc.sql("select count(*) from opsflow_customer").query(Long.class).single();
    }

    /** Inserts or replaces the customer and its lists; returns true when it was new. */
    boolean upsert(Customer c) {
        Timestamp now = Timestamp.from(Instant.now());
        Customer.Azure azure = c.azure();
        Customer.AutomationAccount account = azure == null ? null : azure.automationAccount();
        Customer.Credential credential = azure == null ? null : azure.credential();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("display_name", c.displayName());
        columns.put("locale", c.locale());
        columns.put("azure_tenant_id", azure == null ? null : azure.tenantId());
        columns.put("automation_subscription_id", account == null ? null : account.subscriptionId());
        columns.put("automation_resource_group", account == null ? null : account.resourceGroup());
        columns.put("automation_account_name", account == null ? null : account.name());
        columns.put("credential_type", credential == null ? null : credential.type());
        columns.put("credential_client_id", credential == null ? null : credential.clientId());
        columns.put("credential_secret_env", credential == null ? null : credential.secretEnv());
        columns.put("servicenow_company_sys_id", c.servicenow() == null ? null : c.servicenow().companySysId());
        columns.put("servicenow_assignment_group", c.servicenow() == null ? null : c.servicenow().assignmentGroup());
        columns.put("slack_webhook_env", c.slack() == null ? null : c.slack().webhookEnv());
        Customer.MonitorWebhook monitor = azure == null ? null : azure.monitorWebhook();
        columns.put("azure_monitor_token_env", monitor == null ? null : monitor.tokenEnv());
        columns.put("azure_monitor_tenant_id", monitor == null ? null : monitor.tenantId());
        columns.put("azure_monitor_audiences", monitor == null || monitor.audiences().isEmpty() ? null : String.join(" ", monitor.audiences()));
        columns.put("zabbix_token_env", c.zabbix() == null ? null : c.zabbix().tokenEnv());
        columns.put("zabbix_api_url", c.zabbix() == null ? null : c.zabbix().apiUrl());
        columns.put("zabbix_api_token_env", c.zabbix() == null ? null : c.zabbix().apiTokenEnv());
        putSupport(columns, c.support());
        columns.put("updated_at", now);

        String assignments = String.join(", ", columns.keySet().stream().map(k -> k + " = :" + k).toList());
        boolean created = jdbc.sql("update opsflow_customer set " + assignments + " where id = :id")
                .params(columns).param("id", c.id()).update() == 0;
        if (created) {
            columns.put("created_at", now);
            columns.put("id", c.id());
            jdbc.sql("insert into opsflow_customer (" + String.join(", ", columns.keySet()) + ") values ("
                    + String.join(", ", columns.keySet().stream().map(k -> ":" + k).toList()) + ")")
                    .params(columns).update();
        }
        replaceLists(c);
        return created;
    }

    private static void putSupport(Map<String, Object> columns, Customer.Support support) {
        Customer.Contact contact = support == null ? null : support.contact();
        columns.put("support_plan", support == null ? null : support.plan().value());
        columns.put("support_relay", support == null ? null : support.relay().value());
        columns.put("support_auxiliary_tenant_id", support == null ? null : support.auxiliaryTenantId());
        columns.put("support_contact_first_name", contact == null ? null : contact.firstName());
        columns.put("support_contact_last_name", contact == null ? null : contact.lastName());
        columns.put("support_contact_email", contact == null ? null : contact.email());
        columns.put("support_contact_additional_emails",
                contact == null || contact.additionalEmails().isEmpty() ? null : String.join(" ", contact.additionalEmails()));
        columns.put("support_contact_phone", contact == null ? null : contact.phone());
        columns.put("support_contact_method", contact == null ? null : contact.preferredContactMethod().value());
        columns.put("support_contact_language", contact == null ? null : contact.preferredLanguage());
        columns.put("support_contact_time_zone", contact == null ? null : contact.timeZone());
        columns.put("support_contact_country", contact == null ? null : contact.country());
    }

    /** A row without {@code support_relay} predates V5 or has no support section: the customer has none. */
    private static Customer.Support support(ResultSet rs) throws SQLException {
        if (rs.getString("support_relay") == null) {
            return null;
        }
        Customer.Contact contact = null;
        if (rs.getString("support_contact_email") != null) {
            String additional = rs.getString("support_contact_additional_emails");
            contact = new Customer.Contact(rs.getString("support_contact_first_name"), rs.getString("support_contact_last_name"),
                    rs.getString("support_contact_email"), additional == null ? List.of() : List.of(additional.split(" ")),
                    rs.getString("support_contact_phone"),
                    Customer.ContactMethod.of(rs.getString("support_contact_method")).orElse(null),
                    rs.getString("support_contact_language"), rs.getString("support_contact_time_zone"),
                    rs.getString("support_contact_country"));
        }
        return new Customer.Support(Customer.SupportPlan.of(rs.getString("support_plan")).orElse(null), contact,
                Customer.SupportRelay.of(rs.getString("support_relay")).orElse(null), rs.getString("support_auxiliary_tenant_id"));
    }

    boolean delete(String id) {
        return jdbc.sql("delete from opsflow_customer where id = ?").param(id).update() > 0;
    }

    private void replaceLists(Customer c) {
        for (String table : List.of("opsflow_customer_subscription", "opsflow_customer_host_group", "opsflow_customer_sla")) {
            jdbc.sql("delete from " + table + " where customer_id = ?").param(c.id()).update();
        }
        List<String> subscriptions = c.azure() == null ? List.of() : c.azure().subscriptionIds();
        for (int i = 0; i < subscriptions.size(); i++) {
            jdbc.sql("insert into opsflow_customer_subscription (subscription_id, customer_id, position) values (?, ?, ?)")
                    .params(subscriptions.get(i).toLowerCase(), c.id(), i).update();
        }
        List<String> hostGroups = c.zabbix() == null ? List.of() : c.zabbix().hostGroups();
        for (int i = 0; i < hostGroups.size(); i++) {
            jdbc.sql("insert into opsflow_customer_host_group (host_group, customer_id, position) values (?, ?, ?)")
                    .params(hostGroups.get(i), c.id(), i).update();
        }
        c.sla().forEach((priority, t) -> jdbc.sql("""
                        insert into opsflow_customer_sla
                            (customer_id, priority, acknowledge_seconds, identify_cause_seconds, resolve_seconds)
                        values (?, ?, ?, ?, ?)""")
                .params(c.id(), priority, t.acknowledge().toSeconds(), t.identifyCause().toSeconds(), t.resolve().toSeconds())
                .update());
    }

    /** The customer row alone; {@link #withLists} adds what lives in the child tables. */
    private Customer customer(ResultSet rs, int row) throws SQLException {
        Customer.Azure azure = null;
        if (rs.getString("azure_tenant_id") != null) {
            Customer.AutomationAccount account = rs.getString("automation_account_name") == null ? null
                    : new Customer.AutomationAccount(rs.getString("automation_subscription_id"),
                    rs.getString("automation_resource_group"), rs.getString("automation_account_name"));
            Customer.Credential credential = rs.getString("credential_type") == null ? null
                    : new Customer.Credential(rs.getString("credential_type"), rs.getString("credential_client_id"),
                    rs.getString("credential_secret_env"));
            String audiences = rs.getString("azure_monitor_audiences");
            Customer.MonitorWebhook monitor = rs.getString("azure_monitor_token_env") == null && audiences == null ? null
                    : new Customer.MonitorWebhook(rs.getString("azure_monitor_token_env"), rs.getString("azure_monitor_tenant_id"),
                    audiences == null ? List.of() : List.of(audiences.split(" ")));
            azure = new Customer.Azure(rs.getString("azure_tenant_id"), List.of(), account, credential, monitor);
        }
        Customer.Zabbix zabbix = rs.getString("zabbix_token_env") == null && rs.getString("zabbix_api_url") == null
                && rs.getString("zabbix_api_token_env") == null ? null
                : new Customer.Zabbix(List.of(), rs.getString("zabbix_token_env"), rs.getString("zabbix_api_url"),
                rs.getString("zabbix_api_token_env"));
        Customer.ServiceNow servicenow = rs.getString("servicenow_company_sys_id") == null ? null
                : new Customer.ServiceNow(rs.getString("servicenow_company_sys_id"), rs.getString("servicenow_assignment_group"));
        Customer.Slack slack = rs.getString("slack_webhook_env") == null ? null : new Customer.Slack(rs.getString("slack_webhook_env"));
        return new Customer(rs.getString("id"), rs.getString("display_name"), rs.getString("locale"), azure, servicenow,
                zabbix, slack, Map.of(), null, support(rs));
    }

    private Customer withLists(Customer c) {
        List<String> subscriptions = jdbc.sql("select subscription_id from opsflow_customer_subscription where customer_id = ? order by position")
                .param(c.id()).query(String.class).list();
        List<String> hostGroups = jdbc.sql("select host_group from opsflow_customer_host_group where customer_id = ? order by position")
                .param(c.id()).query(String.class).list();
        Map<String, Customer.SlaTarget> sla = new LinkedHashMap<>();
        jdbc.sql("select * from opsflow_customer_sla where customer_id = ? order by priority").param(c.id())
                .query((r, n) -> Map.entry(r.getString("priority"), new Customer.SlaTarget(
                        Duration.ofSeconds(r.getLong("acknowledge_seconds")),
                        Duration.ofSeconds(r.getLong("identify_cause_seconds")),
                        Duration.ofSeconds(r.getLong("resolve_seconds")))))
                .list().forEach(e -> sla.put(e.getKey(), e.getValue()));
        Customer.Azure azure = c.azure() == null ? null : new Customer.Azure(c.azure().tenantId(), subscriptions,
                c.azure().automationAccount(), c.azure().credential(), c.azure().monitorWebhook());
        Customer.Zabbix zabbix = hostGroups.isEmpty() && c.zabbix() == null ? null : c.zabbix() == null
                ? new Customer.Zabbix(hostGroups)
                : new Customer.Zabbix(hostGroups, c.zabbix().tokenEnv(), c.zabbix().apiUrl(), c.zabbix().apiTokenEnv());
        return new Customer(c.id(), c.displayName(), c.locale(), azure, c.servicenow(), zabbix, c.slack(), sla, null, c.support());
    }
}
