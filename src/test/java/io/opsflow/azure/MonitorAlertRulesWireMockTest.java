package io.opsflow.azure;

import java.util.List;

import io.opsflow.customer.Customer;

/**
 * {@link MonitorReadingWireMockTest} for tests outside this package that write Azure Monitor
 * configuration through the production adapter: the alert rules on the same HTTPS stub, and a
 * customer of any id and subscription signing in with the stub's credential.
 */
public abstract class MonitorAlertRulesWireMockTest extends MonitorReadingWireMockTest {

    protected MonitorAlertRules alertRules() {
        return new MonitorAlertRules(arm);
    }

    /** A customer whose operations resource group is {@code rg-<id>-ops} in {@code subscription}. */
    protected static Customer customer(String id, String subscription, Customer.MonitorWebhook webhook) {
        return new Customer(id, id, "ja", new Customer.Azure(TENANT_ID, List.of(subscription),
                new Customer.AutomationAccount(subscription, "rg-" + id + "-ops", "aa-" + id + "-ops"),
                new Customer.Credential("client-secret", CLIENT_ID, SECRET_ENV), webhook),
                null, null, null, null, null);
    }

    protected static String tenantId() {
        return TENANT_ID;
    }
}
