package io.opsflow.azure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.opsflow.customer.Customer;

/**
 * {@link ArmWireMockTest} for tests outside this package that read Azure Monitor through the
 * production adapter: the reading operations wired on the same HTTPS stub and customer credential.
 */
public abstract class MonitorReadingWireMockTest extends ArmWireMockTest {

    protected static final String SUBSCRIPTION_ID = SUBSCRIPTION;
    protected static final String TOKEN = ACCESS_TOKEN;

    protected static WireMockExtension wireMock() {
        return wm;
    }

    protected static Customer customer() {
        return acme();
    }

    protected String armBaseUrl() {
        return baseUrl();
    }

    protected ResourceGraphInventory inventory() {
        return new ResourceGraphInventory(arm);
    }

    protected MonitorMetrics metrics() {
        return new MonitorMetrics(arm);
    }

    protected ResourceHealthHistory health() {
        return new ResourceHealthHistory(arm);
    }

    protected AzureResources resources() {
        return new AzureResources(arm);
    }

    protected LogAnalyticsQueries logs() {
        return new LogAnalyticsQueries(arm);
    }
}
