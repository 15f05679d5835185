package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;

@OpsflowSpringTest
class CustomerApiTest {

    static final String VALID = """
            {
              "id": "%s",
              "displayName": "エーシーエム株式会社",
              "locale": "ja",
              "azure": {
                "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "subscriptionIds": ["%s"],
                "automationAccount": {"subscriptionId": "%s", "resourceGroup": "rg-ops", "name": "aa-acme-ops"},
                "credential": {"type": "client-secret", "clientId": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "secretEnv": "OPSFLOW_AZURE_ACME_SECRET"}
              },
              "servicenow": {"companySysId": "31bea3d53790200044e0bfc8bcbe5dec", "assignmentGroup": "MSP Operations"},
              "zabbix": {"hostGroups": ["%s/Production"]},
              "slack": {"webhookEnv": "OPSFLOW_SLACK_ACME"},
              "sla": {
                "P1": {"acknowledge": "PT15M", "identifyCause": "PT1H", "resolve": "PT4H"},
                "P3": {"acknowledge": "PT1H", "identifyCause": "PT8H", "resolve": "P3D"}
              },
              "members": {"groups": ["operators"]}
            }""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    ObjectMapper json;

    @Test
    void createReadUpdateAndDeleteACustomerWithItsTenant() throws Exception {
        String subscription = "11111111-2222-3333-4444-000000000001";
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/customers", valid("api-acme", subscription));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/customers/api-acme");
        JsonNode body = json.readTree(created.getBody());
        assertThat(body.at("/sla/P1/acknowledge").asText()).isEqualTo("PT15M");
        assertThat(body.at("/azure/credential/secretEnv").asText()).isEqualTo("OPSFLOW_AZURE_ACME_SECRET");
        assertThat(body.at("/members/groups/0").asText()).isEqualTo("operators");
        assertThat(identityService.createTenantQuery().tenantId("api-acme").singleResult().getName()).isEqualTo("エーシーエム株式会社");

        String renamed = valid("api-acme", subscription).replace("エーシーエム株式会社", "ACME Corporation");
        ResponseEntity<String> updated = send(HttpMethod.PUT, "/api/customers/api-acme", renamed);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identityService.createTenantQuery().tenantId("api-acme").singleResult().getName()).isEqualTo("ACME Corporation");
        assertThat(send(HttpMethod.GET, "/api/customers", null).getBody()).contains("\"id\":\"api-acme\"");

        assertThat(send(HttpMethod.POST, "/api/customers", renamed).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(send(HttpMethod.DELETE, "/api/customers/api-acme", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send(HttpMethod.GET, "/api/customers/api-acme", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(identityService.createTenantQuery().tenantId("api-acme").count()).isZero();
    }

    @Test
    void everyInvalidFieldIsNamedInAProblemDocument() throws Exception {
        String bad = valid("Bad_Id", "not-a-guid")
                .replace("\"locale\": \"ja\"", "\"locale\": \"fr\"")
                .replace("\"type\": \"client-secret\"", "\"type\": \"password\"")
                .replace("\"resolve\": \"PT4H\"", "\"resolve\": \"PT30M\"")
                .replace("31bea3d53790200044e0bfc8bcbe5dec", "ACME");
        ResponseEntity<String> response = send(HttpMethod.POST, "/api/customers", bad);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder(
                "id", "locale", "azure.subscriptionIds[0]", "azure.automationAccount.subscriptionId", "azure.credential.type", "servicenow.companySysId", "sla.P1");
        assertThat(response.getBody()).contains("must be 'ja' or 'en', got 'fr'")
                .contains("acknowledge <= identifyCause <= resolve");
    }

    @Test
    void missingFieldsAndSecretsInTheWrongPlaceAreRejected() throws Exception {
        ResponseEntity<String> response = send(HttpMethod.POST, "/api/customers", """
                {"id": "api-partial", "azure": {"tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                 "credential": {"type": "managed-identity", "secretEnv": "X"}}}""");
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field"))
                .containsExactlyInAnyOrder("displayName", "locale", "azure.credential.secretEnv");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreBadRequests() throws Exception {
        ResponseEntity<String> broken = send(HttpMethod.POST, "/api/customers", "{\"id\": \"x\",");
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(broken.getBody()).get("title").asText()).isEqualTo("Malformed JSON");

        ResponseEntity<String> typo = send(HttpMethod.POST, "/api/customers",
                valid("api-typo", "11111111-2222-3333-4444-000000000009").replace("\"displayName\"", "\"displayname\""));
        assertThat(typo.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(typo.getBody()).get("detail").asText()).startsWith("displayname:").contains("Unrecognized field");

        ResponseEntity<String> wrongDuration = send(HttpMethod.POST, "/api/customers",
                valid("api-typo", "11111111-2222-3333-4444-000000000009").replace("\"PT15M\"", "\"15 minutes\""));
        assertThat(json.readTree(wrongDuration.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("sla.P1.acknowledge");
    }

    @Test
    void aSubscriptionBelongsToOneCustomerAndPathAndBodyMustAgree() throws Exception {
        String shared = "11111111-2222-3333-4444-000000000002";
        assertThat(send(HttpMethod.PUT, "/api/customers/api-first", valid("api-first", shared)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> second = send(HttpMethod.PUT, "/api/customers/api-second", valid("api-second", shared));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getBody()).contains("azure.subscriptionIds[0]").contains("already belongs to customer 'api-first'");

        ResponseEntity<String> mismatch = send(HttpMethod.PUT, "/api/customers/api-other",
                valid("api-first", "11111111-2222-3333-4444-000000000003"));
        assertThat(mismatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mismatch.getBody()).contains("differs from 'api-other'");
    }

    @Test
    void unknownMembersAreNamed() {
        ResponseEntity<String> response = send(HttpMethod.POST, "/api/customers",
                valid("api-members", "11111111-2222-3333-4444-000000000004").replace("[\"operators\"]", "[\"operators\", \"nobody-group\"]"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("members.groups[1]").contains("no group 'nobody-group'");
    }

    static String valid(String id, String subscription) {
        return VALID.formatted(id, subscription, subscription, id);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
