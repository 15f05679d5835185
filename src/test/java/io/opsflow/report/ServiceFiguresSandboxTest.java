package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.security.Roles;

/**
 * On a fresh clone (sandbox mode) an administrator collects the demo customer's last month through
 * the production adapter and the ARM simulator, and the figures then show in the JSON, the CSV and the PDF;
 * a manager reads them but may not collect.
 */
@OpsflowSpringTest
class ServiceFiguresSandboxTest {

    static final String DEMO = "demo";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestIdentities identities;

    @Test
    void anAdministratorCollectsTheDemoMonthAndTheReportShowsIt() throws Exception {
        String month = YearMonth.now(ZoneId.of("Asia/Tokyo")).minusMonths(1).toString();
        ResponseEntity<String> collected = as("admin").postForEntity("/api/reports/" + DEMO + "/" + month + "/service-figures", null,
                String.class);
        assertThat(collected.getStatusCode()).as(collected.getBody()).isEqualTo(HttpStatus.OK);

        JsonNode services = JSON.readTree(as("admin").getForObject("/api/reports/" + DEMO + "/" + month, String.class)).path("services");
        assertThat(services.path("collected").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        services.path("resources").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).as("monitored kinds only: no Cosmos DB account, no workspace")
                .containsExactly("app-demo-shop", "hp-demo-avd", "sales", "vm-demo-db01", "vm-demo-web01", "vm-demo-web02");
        JsonNode db = resource(services, "vm-demo-db01");
        assertThat(db.path("availabilitySource").asText()).isEqualTo("heartbeat");
        assertThat(db.path("figures").path("availability").asDouble()).isBetween(0.99, 1.0);
        JsonNode web = resource(services, "vm-demo-web01");
        assertThat(web.path("availabilitySource").asText()).isEqualTo("resourceHealth");
        assertThat(web.path("figures").path("availability").asDouble()).as("one short outage").isBetween(0.99, 1.0);
        assertThat(web.path("figures").path("cpuP95").asDouble()).isBetween(35.0, 75.0);
        assertThat(resource(services, "app-demo-shop").path("figures").path("requests").asDouble()).isPositive();
        assertThat(resource(services, "sales").path("figures").path("dtuPeak").asDouble()).isBetween(30.0, 85.0);
        assertThat(resource(services, "hp-demo-avd").path("figures").path("distinctUsers").asDouble()).isBetween(12.0, 18.0);

        HttpHeaders japanese = new HttpHeaders();
        japanese.set(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP");
        ResponseEntity<byte[]> csv = as("admin").exchange("/api/reports/" + DEMO + "/" + month + ".csv", HttpMethod.GET,
                new HttpEntity<>(japanese), byte[].class);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("サービス稼働・利用状況,可用性,vm-demo-db01,0.99",
                "サービス稼働・利用状況,利用ユーザー数,hp-demo-avd,");

        ResponseEntity<byte[]> pdf = as("admin").exchange("/api/reports/" + DEMO + "/" + month + ".pdf", HttpMethod.GET,
                new HttpEntity<>(japanese), byte[].class);
        PdfReader reader = new PdfReader(pdf.getBody());
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text).contains("サービス稼働・利用状況", "vm-demo-db01", "(ハートビート)", "hp-demo-avd", "AVD ホストプール");
    }

    @Test
    void onlyAdministratorsCollectAndAMonthNobodyCollectedSaysSo() throws Exception {
        identities.user("manager-of-demo", List.of(Roles.MANAGERS_GROUP), List.of(DEMO));
        String month = "2025-01";
        ResponseEntity<String> manager = as("manager-of-demo").postForEntity("/api/reports/" + DEMO + "/" + month + "/service-figures",
                null, String.class);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(manager.getBody()).contains("administrators");

        JsonNode services = JSON.readTree(as("manager-of-demo").getForObject("/api/reports/" + DEMO + "/" + month, String.class))
                .path("services");
        assertThat(services.path("collected").asBoolean()).isFalse();
        assertThat(services.path("resources")).isEmpty();
        assertThat(rest.postForEntity("/api/reports/" + DEMO + "/" + month + "/service-figures", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("admin").postForEntity("/api/reports/no-such-customer/" + month + "/service-figures", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static JsonNode resource(JsonNode services, String name) {
        for (JsonNode r : services.path("resources")) {
            if (name.equals(r.path("name").asText())) {
                return r;
            }
        }
        throw new AssertionError("No resource " + name + " in " + services);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user.equals("admin") ? OpsflowSpringTest.ADMIN_PASSWORD : TestIdentities.PASSWORD);
    }
}
