package io.opsflow.webhook;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.IncidentIntake;

/** No secret configured: every webhook refuses with 503 naming the variable to set, whatever the caller sends. */
@WebMvcTest(controllers = {ServiceNowWebhookController.class, AzureMonitorWebhookController.class, ZabbixWebhookController.class})
@Import({ServiceNowWebhookRouter.class, ServiceNowIncidentHandler.class, AzureMonitorAlerts.class, ZabbixAlerts.class, AlertWebhooks.class,
        WebhookCredentials.class, SecureWebhookTokens.class, WebhookSliceConfiguration.class})
class UnconfiguredWebhooksTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IncidentIntake intake;
    @MockitoBean
    CustomerRegistry customers;

    @AfterEach
    void nothingReachesTheIntake() {
        verifyNoInteractions(intake);
    }

    @Test
    void serviceNowWithoutSecretIs503() throws Exception {
        mvc.perform(post("/webhooks/servicenow").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Opsflow-Signature", "sha256=anything").content(Fixtures.bytes(Fixtures.body(ServiceNowWebhookControllerTest.UPDATED))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This webhook has no secret: set OPSFLOW_WEBHOOK_SERVICENOW_SECRET on opsflow"));
    }

    @Test
    void azureMonitorWithItsTokenVariableUnsetIs503NamingIt() throws Exception {
        when(customers.find("acme")).thenReturn(Optional.of(Fixtures.ACME));
        mvc.perform(post("/webhooks/azure-monitor/acme").queryParam("token", "").contentType(MediaType.APPLICATION_JSON)
                        .content(Fixtures.bytes(Fixtures.body("azure-monitor/alert-metric-fired.json"))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("This webhook has no secret: set OPSFLOW_ACME_AZURE_MONITOR_TOKEN on opsflow"));
    }

    @Test
    void zabbixWithItsTokenVariableUnsetIs503NamingIt() throws Exception {
        when(customers.find("acme")).thenReturn(Optional.of(Fixtures.ACME));
        mvc.perform(post("/webhooks/zabbix/acme").header("Authorization", "Bearer anything").contentType(MediaType.APPLICATION_JSON)
                        .content(Fixtures.bytes(Fixtures.body("zabbix/webhook-problem.json"))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("This webhook has no secret: set OPSFLOW_ACME_ZABBIX_TOKEN on opsflow"));
    }
}
