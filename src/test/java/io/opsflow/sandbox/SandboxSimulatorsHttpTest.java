package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
import io.opsflow.customer.CustomerRegistry;

/** The simulators speak the documented wire contracts (checked here over raw HTTP). */
@OpsflowSpringTest
class SandboxSimulatorsHttpTest {

    static final String JOBS = "/sandbox/azure/subscriptions/" + SandboxDemo.SUBSCRIPTION
            + "/resourceGroups/rg-demo-ops/providers/Microsoft.Automation/automationAccounts/aa-demo-ops/jobs/";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    CustomerRegistry customers;

    @Test
    void theDemoCustomerIsRegistered() {
        assertThat(customers.findBySubscriptionId(SandboxDemo.SUBSCRIPTION)).map(c -> c.id()).hasValue("demo");
    }

    @Test
    void serviceNowTableApiKeepsRecordsJournalsAndPages() throws Exception {
        String company = "cafe0000000000000000000000000001";
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> created = call(HttpMethod.POST, "/sandbox/servicenow/api/now/table/incident", "Basic dTpw",
                    Map.of("short_description", "ディスク容量不足 " + i, "company", company, "correlation_id", "corr-" + i, "impact", "2"));
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getHeaders().getLocation().toString()).contains("/sandbox/servicenow/api/now/table/incident/");
        }
        JsonNode one = json.readTree(call(HttpMethod.GET, "/sandbox/servicenow/api/now/table/incident?sysparm_query=correlation_id=corr-3",
                "Basic dTpw", null).getBody()).at("/result/0");
        assertThat(one.get("short_description").asText()).isEqualTo("ディスク容量不足 3");
        assertThat(one.get("number").asText()).startsWith("INC");
        assertThat(one.get("state").asText()).isEqualTo("1");

        String sysId = one.get("sys_id").asText();
        JsonNode updated = json.readTree(call(HttpMethod.PATCH, "/sandbox/servicenow/api/now/table/incident/" + sysId, "Bearer t",
                Map.of("state", "2", "work_notes", "opsflow: 診断を開始しました")).getBody()).get("result");
        assertThat(updated.get("sys_mod_count").asText()).isEqualTo("1");
        assertThat(updated.get("work_notes").asText()).isEmpty();
        JsonNode notes = json.readTree(call(HttpMethod.GET, "/sandbox/servicenow/api/now/table/sys_journal_field?sysparm_query=element_id="
                + sysId + "^element=work_notes^ORDERBYDESCsys_created_on", "Bearer t", null).getBody());
        assertThat(notes.at("/result/0/value").asText()).isEqualTo("opsflow: 診断を開始しました");

        ResponseEntity<String> page = call(HttpMethod.GET, "/sandbox/servicenow/api/now/table/incident?sysparm_query=company=" + company
                + "^ORDERBYnumber&sysparm_limit=2&sysparm_offset=2&sysparm_fields=number,state", "Basic dTpw", null);
        assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo("5");
        assertThat(page.getHeaders().getFirst(HttpHeaders.LINK)).contains("sysparm_offset=4>;rel=\"next\"").contains("rel=\"prev\"");
        assertThat(json.readTree(page.getBody()).get("result").get(0).size()).isEqualTo(2);

        ResponseEntity<String> missing = call(HttpMethod.GET, "/sandbox/servicenow/api/now/table/incident/ffff", "Basic dTpw", null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(missing.getBody()).at("/error/message").asText()).isEqualTo("No Record found");
        assertThat(call(HttpMethod.GET, "/sandbox/servicenow/api/now/table/incident", "Digest x", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(HttpMethod.GET, "/sandbox/servicenow/api/now/table/incident", null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void automationJobsRunThroughTheirLifecycle() throws Exception {
        Map<String, Object> start = Map.of("properties", Map.of("runbook", Map.of("name", "Restart-AzureVM"),
                "parameters", Map.of("VMName", "vm-demo-web01")));
        ResponseEntity<String> created = call(HttpMethod.PUT, JOBS + "job-http-1?api-version=2024-10-23", "Bearer t", start);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(created.getBody()).at("/properties/status").asText()).isEqualTo("New");
        assertThat(call(HttpMethod.PUT, JOBS + "job-http-1?api-version=2024-10-23", "Bearer t", start).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        Thread.sleep(700);
        assertThat(json.readTree(call(HttpMethod.GET, JOBS + "job-http-1?api-version=2024-10-23", "Bearer t", null).getBody())
                .at("/properties/status").asText()).isEqualTo("Completed");
        assertThat(call(HttpMethod.GET, JOBS + "job-http-1/output?api-version=2024-10-23", "Bearer t", null).getBody())
                .contains("VMName = vm-demo-web01");

        call(HttpMethod.PUT, JOBS + "job-http-2?api-version=2024-10-23", "Bearer t",
                Map.of("properties", Map.of("runbook", Map.of("name", "Fail-Restart"))));
        Thread.sleep(700);
        JsonNode failed = json.readTree(call(HttpMethod.GET, JOBS + "job-http-2?api-version=2024-10-23", "Bearer t", null).getBody());
        assertThat(failed.at("/properties/status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/properties/exception").asText()).contains("Simulated failure");
        assertThat(call(HttpMethod.GET, JOBS + "nope?api-version=2024-10-23", "Bearer t", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void resourceGroupsAndResourcesExistOnlyWhenSeeded() throws Exception {
        String sub = "/sandbox/azure/subscriptions/" + SandboxDemo.SUBSCRIPTION;
        assertThat(call(HttpMethod.GET, sub + "/resourcegroups/rg-demo-prod?api-version=2025-04-01", "Bearer t", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> missing = call(HttpMethod.GET, sub + "/resourcegroups/rg-nowhere?api-version=2025-04-01", "Bearer t", null);
        assertThat(json.readTree(missing.getBody()).at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
        assertThat(call(HttpMethod.GET, sub + "/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01?api-version=2024-11-01",
                "Bearer t", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.GET, "/sandbox/azure/subscriptions/x/resourcegroups/y", null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theSupportCatalogAnswersInJapaneseOverTheWire() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer t");
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP");
        ResponseEntity<String> services = rest.exchange("/sandbox/azure/providers/Microsoft.Support/services?api-version=2024-04-01",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(services.getBody()).findValuesAsText("displayName")).contains("Linux を実行している仮想マシン");
    }

    @Test
    void thePageShowsWhatTheSimulatorsHold() {
        ResponseEntity<String> page = rest.getForEntity("/sandbox", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("サンドボックスモード / Sandbox mode").contains("Automation jobs");
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String auth, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (auth != null) {
            headers.set(HttpHeaders.AUTHORIZATION, auth);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
