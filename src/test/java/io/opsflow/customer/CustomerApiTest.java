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
              "servicenow": {"companySysId": "%s", "assignmentGroup": "MSP Operations"},
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
        assertThat(json.readTree(updated.getBody()).get("displayName").asText())
                .as("the registry's copy of the customer is dropped on save").isEqualTo("ACME Corporation");
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
                .replace(companyOf("Bad_Id"), "ACME");
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

    @Test
    void aServiceNowCompanyBelongsToOneCustomer() throws Exception {
        assertThat(send(HttpMethod.PUT, "/api/customers/api-company-a", valid("api-company-a", "11111111-2222-3333-4444-000000000005"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sameCompany = valid("api-company-b", "11111111-2222-3333-4444-000000000006")
                .replace(companyOf("api-company-b"), companyOf("api-company-a"));

        ResponseEntity<String> second = send(HttpMethod.POST, "/api/customers", sameCompany);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode error = json.readTree(second.getBody()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("servicenow.companySysId");
        assertThat(error.get("message").asText()).isEqualTo("company " + companyOf("api-company-a")
                + " already belongs to customer 'api-company-a'");
        assertThat(send(HttpMethod.GET, "/api/customers/api-company-b", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.PUT, "/api/customers/api-company-a", valid("api-company-a", "11111111-2222-3333-4444-000000000005"))
                .getStatusCode()).as("a customer keeps its own company on update").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aHostGroupBelongsToOneCustomer() throws Exception {
        assertThat(send(HttpMethod.PUT, "/api/customers/api-hg-a", valid("api-hg-a", "11111111-2222-3333-4444-000000000007"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> second = send(HttpMethod.PUT, "/api/customers/api-hg-b",
                valid("api-hg-b", "11111111-2222-3333-4444-000000000008").replace("api-hg-b/Production", "api-hg-a/Production"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getBody()).contains("zabbix.hostGroups[0]")
                .contains("host group 'api-hg-a/Production' already belongs to customer 'api-hg-a'");
    }

    @Test
    void webhookCredentialsAreEnvironmentVariableNamesOwnedByOneCustomer() throws Exception {
        String withCredentials = valid("api-cred-a", "11111111-2222-3333-4444-00000000000a")
                .replace("\"credential\":", "\"monitorWebhook\": {\"tokenEnv\": \"OPSFLOW_API_CRED_A_AZURE_MONITOR_TOKEN\", "
                        + "\"audiences\": [\"api://opsflow-api-cred-a\"]},\n    \"credential\":")
                .replace("\"hostGroups\": [\"api-cred-a/Production\"]",
                        "\"hostGroups\": [\"api-cred-a/Production\"], \"tokenEnv\": \"OPSFLOW_API_CRED_A_ZABBIX_TOKEN\"");
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/customers", withCredentials);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        assertThat(body.at("/azure/monitorWebhook/tokenEnv").asText()).isEqualTo("OPSFLOW_API_CRED_A_AZURE_MONITOR_TOKEN");
        assertThat(body.at("/azure/monitorWebhook/audiences/0").asText()).isEqualTo("api://opsflow-api-cred-a");
        assertThat(body.at("/zabbix/tokenEnv").asText()).isEqualTo("OPSFLOW_API_CRED_A_ZABBIX_TOKEN");

        String copied = withCredentials.replace(companyOf("api-cred-a"), companyOf("api-cred-b")).replace("api-cred-a", "api-cred-b")
                .replace("11111111-2222-3333-4444-00000000000a", "11111111-2222-3333-4444-00000000000b")
                .replace("OPSFLOW_API_CRED_B_", "OPSFLOW_API_CRED_A_").replace("api://opsflow-api-cred-b", "api://opsflow-api-cred-a");
        ResponseEntity<String> second = send(HttpMethod.POST, "/api/customers", copied);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(second.getBody()).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "azure.monitorWebhook.tokenEnv", "zabbix.tokenEnv", "azure.monitorWebhook.audiences[0]");
        assertThat(second.getBody()).contains("already holds a webhook token of customer 'api-cred-a'");

        ResponseEntity<String> secretInstead = send(HttpMethod.POST, "/api/customers",
                copied.replace("\"OPSFLOW_API_CRED_A_AZURE_MONITOR_TOKEN\"", "\"3f9a0c…s3cret\""));
        assertThat(secretInstead.getBody()).contains("azure.monitorWebhook.tokenEnv")
                .contains("never the token itself");
    }

    static String valid(String id, String subscription) {
        return VALID.formatted(id, subscription, subscription, companyOf(id), id);
    }

    /** Each customer its own ServiceNow company (a company belongs to one customer). */
    static String companyOf(String id) {
        return org.springframework.util.DigestUtils.md5DigestAsHex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
