package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/**
 * The README's intake walkthrough in sandbox mode: an administrator posts a CSP intake; the simulated
 * Partner Center creates the tenant and the Azure plan, the ARM simulator takes the Lighthouse delegation,
 * the GitHub simulator makes the repository from the template, the merge starts the simulated CircleCI
 * pipeline which "deploys" the common resources, opsflow reads them back, the checklist is done in
 * Tasklist, and the customer is in the registry.
 */
@OpsflowSpringTest
class CustomerIntakeEndToEndTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    io.opsflow.customer.Onboarding onboarding;
    @Autowired
    TestIdentities identities;

    @Test
    void aCspIntakeRunsEndToEndInTheSandbox() throws Exception {
        ResponseEntity<String> started = post("admin", OpsflowSpringTest.ADMIN_PASSWORD, request("kiwami", "kiwamijp"));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        String instance = json.readTree(started.getBody()).path("processInstanceId").asText();
        assertThat(post("admin", OpsflowSpringTest.ADMIN_PASSWORD, request("kiwami", "kiwamijp")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode item = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> task(instance), t -> t != null);
        assertThat(item.path("taskDefinitionKey").asText()).isEqualTo("UserTask_CompleteChecklistItem");
        submit(item, Map.of("checklistResult", "waived", "checklistComment", "お客様側で実施済み"));
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .completed().count() == 1);
        assertThat(taskService.createTaskQuery().processDefinitionKey("design-handover").processInstanceBusinessKey("kiwami")
                .taskDefinitionKey("UserTask_RevisePackage").tenantIdIn("kiwami").count()).as("the handover waits for the design team's package").isOne();
        assertThat(onboarding.live("kiwami")).as("alerts are tests until go-live").isFalse();

        Customer kiwami = customers.find("kiwami").orElseThrow();
        assertThat(kiwami.displayName()).isEqualTo("極株式会社");
        assertThat(kiwami.azure().credential().type()).isEqualTo("lighthouse");
        assertThat(kiwami.azure().subscriptionIds()).hasSize(1);
        assertThat(kiwami.azure().automationAccount().name()).isEqualTo("aa-kiwami-ops");
        assertThat(kiwami.servicenow().companySysId()).as("created in the ServiceNow simulator").matches("[0-9a-f]{32}");
        assertThat(kiwami.servicenow().assignmentGroup()).isEqualTo("MSP Operations - Kiwami Co., Ltd.");
        JsonNode status = json.readTree(rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .getForObject("/api/intakes/kiwami", String.class));
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("ServiceTask_DelegateAzureAccess")
                .finished().count()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsStartAnIntakeAndABadOneIsNamedAndStartsNothing() throws Exception {
        identities.user("intake-operator", List.of(Roles.OPERATORS_GROUP), List.of());
        assertThat(post("intake-operator", TestIdentities.PASSWORD, request("nope", "nopejp")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> bad = request("bad", "bad_domain");
        bad.remove("contactEmail");
        ResponseEntity<String> refused = post("admin", OpsflowSpringTest.ADMIN_PASSWORD, bad);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("contactEmail").contains("domainPrefix");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9");
        ResponseEntity<String> japanese = rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .postForEntity("/api/intakes", new HttpEntity<>(bad, headers), String.class);
        assertThat(japanese.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(japanese.getBody()).as("in the caller's language").contains("件の項目に問題があります").contains("必須です")
                .contains("英小文字・数字 1〜27 文字で入力してください (<prefix>.onmicrosoft.com、入力値: bad_domain)");
        ResponseEntity<String> broken = rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .postForEntity("/api/intakes", new HttpEntity<>("{\"newCustomerId\": ", headers), String.class);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("bad").count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("nope").count()).isZero();
    }

    @Test
    void aNewCustomerRequestedItemFromServiceNowStartsOneIntake() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/samples/servicenow-ritm-new-customer.json"));
        ResponseEntity<String> accepted = deliver(body);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String instance = json.readTree(accepted.getBody()).path("processInstanceId").asText();
        assertThat(deliver(body).getStatusCode()).as("the same delivery again").isEqualTo(HttpStatus.OK);
        byte[] update = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("\"type\": \"created\"", "\"type\": \"updated\"")
                .replace("\"sys_mod_count\": \"0\"", "\"sys_mod_count\": \"1\"").replace("ritm000000000077", "ritm000000000177").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseEntity<String> later = deliver(update);
        assertThat(later.getStatusCode()).as("a later change of the item").isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(later.getBody()).path("processInstanceId").asText()).isEqualTo(instance);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("customer-intake").processInstanceBusinessKey("sakurashoji")
                .count()).isEqualTo(1);
        JsonNode tenantTask = await().atMost(Duration.ofSeconds(30)).until(() -> task(instance), t -> t != null);
        assertThat(tenantTask.path("taskDefinitionKey").asText()).as("the customer brings its tenant").isEqualTo("UserTask_EnterTenant");

        byte[] incomplete = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("de3e0000000000000000000000000077", "de3e0000000000000000000000000078")
                .replace("\"contactEmail\": \"ken.yamamoto@sakurashoji.example.jp\",", "").replace("sakurashoji", "umeshoji").replace("ritm000000000077", "ritm000000000078")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseEntity<String> refused = deliver(incomplete);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("contactEmail");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("umeshoji").count()).isZero();
    }

    private ResponseEntity<String> deliver(byte[] body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Opsflow-Delivery", json.readTree(body).at("/event/id").asText());
        headers.set("X-Opsflow-Signature", "sha256=" + WebhookEndToEndTest.hmac("test-only-servicenow-webhook-secret", body));
        return rest.postForEntity("/webhooks/servicenow", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String user, String password, Map<String, Object> body) {
        return rest.withBasicAuth(user, password).postForEntity("/api/intakes", body, String.class);
    }

    private JsonNode task(String instance) throws Exception {
        JsonNode tasks = json.readTree(rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .getForObject("/engine-rest/task?processInstanceId=" + instance, String.class));
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private void submit(JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> done = rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD).postForEntity(
                "/engine-rest/task/" + task.path("id").asText() + "/submit-form", Map.of("variables", variables), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    static Map<String, Object> request(String customer, String domain) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("newCustomerId", customer);
        request.put("companyNameJa", "極株式会社");
        request.put("companyNameEn", "Kiwami Co., Ltd.");
        request.put("tenantMode", "csp");
        request.put("domainPrefix", domain);
        request.put("contactLastName", "佐々木");
        request.put("contactFirstName", "花子");
        request.put("contactEmail", "hanako.sasaki@kiwami.example.jp");
        request.put("contactPhone", "+81 6-1234-5678");
        request.put("postalCode", "530-0001");
        request.put("prefecture", "大阪府");
        request.put("city", "大阪市北区");
        request.put("addressLine", "梅田1-1-1");
        request.put("locale", "ja");
        request.put("checklist", "閉域網の VPN 設定");
        return request;
    }
}
