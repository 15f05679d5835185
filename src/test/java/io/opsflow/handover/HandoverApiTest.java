package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/**
 * {@code /api/handovers} in the whole application (sandbox mode): the design team of the demo customer
 * uploads the README's sample monitoring items list as Excel saves it, and it runs to go-live through the
 * simulators (ARM, Zabbix API, Automation, ServiceNow) and opsflow's own webhooks, the operator
 * procedures written to {@code target/handover-e2e/}; who may start, and what a bad request is told.
 */
@OpsflowSpringTest
class HandoverApiTest {

    static final String DEMO = "demo";
    static final String OTHER = "handover-other";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    HistoryService history;
    @Autowired
    TestIdentities identities;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    MonitoringDesign monitoring;
    @Autowired
    io.opsflow.zabbix.ZabbixMonitoring zabbix;
    @Autowired
    io.opsflow.customer.Onboarding onboarding;

    @Test
    void theDemoCustomersSampleListRunsFromTheDesignTeamsUploadToGoLive() throws Exception {
        identities.user("designer-of-demo", List.of(Roles.DESIGN_TEAM_GROUP), List.of(DEMO));
        identities.user("operator-of-demo", List.of(Roles.OPERATORS_GROUP), List.of(DEMO));
        byte[] excel = Files.readString(Path.of("docs/samples/monitoring-items-demo.csv")).getBytes(MonitoringItemsList.MS932);

        ResponseEntity<String> started = upload("designer-of-demo", excel, "監視項目.csv");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/handovers/demo");
        String instance = json.readTree(started.getBody()).path("processInstanceId").asText();
        ResponseEntity<String> again = as("designer-of-demo").postForEntity("/api/handovers", request(DEMO), String.class);
        assertThat(again.getStatusCode()).as("one handover at a time").isEqualTo(HttpStatus.CONFLICT);

        JsonNode status = waitFor("UserTask_ReviewOperations");
        assertThat(status.path("packageProblems")).as(status.toString()).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("monitoringItems").singleResult()
                .getValue().toString()).as("Windows-31J read as Excel saved it").startsWith("監視項目,対象,種別");
        JsonNode review = task(instance, "operator-of-demo");
        assertThat(review.path("name").asText()).startsWith("運用観点レビュー · ");
        submit("operator-of-demo", review, Map.of("requirementsFeasible", true, "designReviewed", true, "scenariosAgreed", true,
                "reviewDecision", "agree"));

        // The sandbox's Azure and Zabbix may hold the rules already (another test applied the list): then nothing is asked.
        status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> status("designer-of-demo"),
                s -> s.path("waitingAt").toString().contains("UserTask_ApproveMonitoringChanges")
                        || s.path("waitingAt").toString().contains("UserTask_RecordGoLiveApproval"));
        if (status.path("waitingAt").toString().contains("UserTask_ApproveMonitoringChanges")) {
            assertThat(variable(instance, "monitoringChanges").toString()).contains("アクション グループ「ag-demo-opsflow」")
                    .contains("監視項目「売上DB DTU使用率」").contains("監視項目「ファイルサーバー D ドライブ使用率」");
            submit("operator-of-demo", task(instance, "operator-of-demo"), Map.of("applyDecision", "apply"));
        }
        waitFor("UserTask_RecordGoLiveApproval");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) variable(instance, "preOperationResults");
        assertThat(results).as("every item's test alert arrived as a ServiceNow incident").hasSize(9)
                .allSatisfy(row -> assertThat(row).containsEntry("status", "合格").extractingByKey("incident").asString().startsWith("INC"));

        Customer demo = customers.find(DEMO).orElseThrow();
        List<MonitoringItem> items = MonitoringItemsList.parse(excel, "監視項目.csv").items();
        assertThat(monitoring.plan(demo, items)).as("applied: planning again changes nothing").noneMatch(MonitoringChange::pending);
        assertThat(zabbix.plan(demo, items)).noneMatch(MonitoringChange::pending);

        submit("operator-of-demo", task(instance, "operator-of-demo"), Map.of("customerApproved", true,
                "customerApprovedBy", "デモ株式会社 情報システム部 山田"));
        await().atMost(Duration.ofSeconds(30)).until(() -> status("designer-of-demo").path("state").asText().equals("COMPLETED"));
        assertThat(onboarding.live(DEMO)).isTrue();
        assertThat(customers.find(DEMO).orElseThrow().sla().get("P1").acknowledge()).isEqualTo(Duration.ofMinutes(10));

        ResponseEntity<String> zabbixFile = as("operator-of-demo").getForEntity("/api/handovers/demo/zabbix-import.xml", String.class);
        assertThat(zabbixFile.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(zabbixFile.getBody()).contains("<version>3.0</version>").contains("opsflow demo demo-file01");
        // The sandbox's demo tenant has the whole operators group as a member; this customer has none.
        customers.save(new Customer(OTHER, "他社株式会社", "ja", null, null, null, null, Map.of(), null));
        assertThat(as("operator-of-demo").getForEntity("/api/handovers/" + OTHER + "/zabbix-import.xml", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator-of-demo").postForEntity("/api/handovers", request(DEMO), String.class).getStatusCode())
                .as("operators fetch the import file, they do not start handovers").isEqualTo(HttpStatus.FORBIDDEN);

        Path out = Path.of("target", "handover-e2e");
        Files.createDirectories(out);
        for (String kind : List.of("operator", "administrator")) {
            ResponseEntity<byte[]> pdf = as("operator-of-demo").getForEntity("/api/customers/demo/procedures/" + kind + ".pdf?lang=ja", byte[].class);
            assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Files.write(out.resolve(kind + "-procedure-demo-ja.pdf"), pdf.getBody());
        }
    }


    @Test
    void onlyAdministratorsAndTheCustomersDesignTeamStartAHandoverAndABadOneStartsNothing() {
        identities.user("handover-operator", List.of(Roles.OPERATORS_GROUP), List.of(DEMO));
        identities.user("designer-elsewhere", List.of(Roles.DESIGN_TEAM_GROUP), List.of());
        identities.user("designer-of-demo-form", List.of(Roles.DESIGN_TEAM_GROUP), List.of(DEMO));
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(HandoverVariables.KEY).count();

        assertThat(as("handover-operator").postForEntity("/api/handovers", request(DEMO), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // The sandbox's demo tenant has the whole design-team group as a member; this customer has none.
        customers.save(new Customer(OTHER, "他社株式会社", "ja", null, null, null, null, Map.of(), null));
        ResponseEntity<String> foreign = as("designer-elsewhere").postForEntity("/api/handovers", request(OTHER), String.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody()).contains("'" + OTHER + "'");
        assertThat(as("designer-elsewhere").getForEntity("/api/handovers/" + OTHER, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> bad = request("nobody");
        bad.remove("designSummary");
        bad.put("monitoringItemsFormat", "xlsx");
        bad.put("owner", "me");
        ResponseEntity<String> refused = admin().postForEntity("/api/handovers", bad, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("designSummary").contains("xlsx").contains("owner");
        ResponseEntity<String> unknown = admin().postForEntity("/api/handovers", request("nobody"), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("'nobody' is not a customer in the registry");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> broken = admin().postForEntity("/api/handovers", new HttpEntity<>("{\"customerId\": ", headers), String.class);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().getForEntity("/api/handovers/nobody", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // Tasklist's start form, through the engine: the same people, the same customers.
        assertThat(startForm("handover-operator", request(DEMO)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> foreignForm = startForm("designer-elsewhere", request(OTHER));
        assertThat(foreignForm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreignForm.getBody()).contains(OTHER);
        Map<String, Object> forged = request(DEMO);
        forged.put("packageClean", true);
        ResponseEntity<String> forgedForm = startForm("designer-of-demo-form", forged);
        assertThat(forgedForm.getStatusCode()).as(forgedForm.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forgedForm.getBody()).contains("packageClean");

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(HandoverVariables.KEY).count()).isEqualTo(before);
    }

    private ResponseEntity<String> startForm(String user, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postForEntity("/engine-rest/process-definition/key/" + HandoverVariables.KEY + "/submit-form",
                Map.of("variables", variables), String.class);
    }

    private ResponseEntity<String> upload(String user, byte[] file, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        request(DEMO).forEach((name, value) -> {
            if (!name.startsWith("monitoringItems")) {
                parts.add(name, value);
            }
        });
        parts.add(HandoverController.FILE, new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/handovers", new HttpEntity<>(parts, headers), String.class);
    }

    private JsonNode status(String user) throws Exception {
        return json.readTree(as(user).getForObject("/api/handovers/" + DEMO, String.class));
    }

    private static Map<String, Object> request(String customer) {
        Map<String, Object> request = new HashMap<>();
        request.put("customerId", customer);
        request.put("designSummary", "Web 2 台、DB 1 台、App Service と SQL Database");
        request.put("serviceRequirements", "利用者 300 名、月次レポート");
        request.put("technicalRequirements", "P1 の原因特定 1 時間以内");
        request.put("environment", "rg-demo-prod");
        request.put("monitoringItems", "監視項目,対象,種別,条件,閾値,重要度\n");
        request.put("monitoringItemsFormat", "csv");
        request.put("slaTargets", "P1: {acknowledge: PT10M, identifyCause: PT1H, resolve: PT4H}");
        request.put("operationScenarios", "障害時は当番へ電話、月次で定例報告");
        request.put("operatorAccounts", "taro.yamada@demo.example.jp");
        request.put("operatorGroupObjectId", "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
        return request;
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, TestIdentities.PASSWORD);
    }

    private TestRestTemplate admin() {
        return rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD);
    }

    private JsonNode waitFor(String activity) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> status("designer-of-demo"),
                s -> s.path("waitingAt").toString().contains(activity));
    }

    private Object variable(String instance, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name).singleResult().getValue();
    }

    private JsonNode task(String instance, String user) throws Exception {
        return json.readTree(as(user).getForObject("/engine-rest/task?processInstanceId=" + instance, String.class)).get(0);
    }

    private void submit(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> done = as(user).postForEntity("/engine-rest/task/" + task.path("id").asText() + "/submit-form",
                Map.of("variables", variables), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
