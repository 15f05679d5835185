package io.opsflow.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.customer.Customer;
import io.opsflow.intake.IntakeResult;

/** The inbound contract payloads (copied from the shared contracts into test resources) and the customer they belong to. */
final class Fixtures {

    static final String SUBSCRIPTION = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    static final String COMPANY = "8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f";
    static final String ACME_TENANT = "3c9d2e71-5b4a-4f8e-9c1d-2a7b6e5f4d30";
    static final String ACME_AUDIENCE = "api://opsflow-acme-alerts";
    /** Variables the registry names; the slices supply them as properties (WebhookCredentials reads the Environment). */
    static final String ACME_AZURE_MONITOR_TOKEN_ENV = "OPSFLOW_ACME_AZURE_MONITOR_TOKEN";
    static final String ACME_ZABBIX_TOKEN_ENV = "OPSFLOW_ACME_ZABBIX_TOKEN";
    static final Customer ACME = new Customer("acme", "ACME株式会社", "ja",
            new Customer.Azure(ACME_TENANT, List.of(SUBSCRIPTION), null, new Customer.Credential("managed-identity", null, null),
                    new Customer.MonitorWebhook(ACME_AZURE_MONITOR_TOKEN_ENV, null, List.of(ACME_AUDIENCE))),
            new Customer.ServiceNow(COMPANY, "Azure Operations"),
            new Customer.Zabbix(List.of("ACME/Production"), ACME_ZABBIX_TOKEN_ENV),
            null, null, null);
    /** Another customer, with its own subscription and host group. */
    static final String GLOBEX_SUBSCRIPTION = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final Customer GLOBEX = new Customer("globex", "Globex Corporation", "en",
            new Customer.Azure("0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9", List.of(GLOBEX_SUBSCRIPTION), null,
                    new Customer.Credential("managed-identity", null, null),
                    new Customer.MonitorWebhook("OPSFLOW_GLOBEX_AZURE_MONITOR_TOKEN", null, List.of())),
            null, new Customer.Zabbix(List.of("Globex/Production"), "OPSFLOW_GLOBEX_ZABBIX_TOKEN"), null, null, null);
    static final String PROCESS_INSTANCE = "7c1e9d2a-0b3f-11f0-9a7e-0242ac120002";

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode contract(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/contracts/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of what the sender POSTs, to send as it is or to vary. */
    static ObjectNode body(String file) {
        return (ObjectNode) contract(file).at("/request/body").deepCopy();
    }

    /** The JSON of the 3.0 forwarding script's request. */
    static ObjectNode forwarded(String file) {
        return (ObjectNode) contract(file).at("/forwarded_request/body").deepCopy();
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body just over the limit that is otherwise valid JSON. */
    static byte[] oversized() {
        return ("{\"padding\":\"" + "x".repeat(256 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static IntakeResult result(IntakeResult.Outcome outcome, String businessKey) {
        return new IntakeResult(outcome, PROCESS_INSTANCE, businessKey);
    }
}
