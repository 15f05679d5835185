package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.security.Roles;

/**
 * The reports API in the whole application: a manager reads the customers they are members of (JSON
 * and CSV), not another's; operators do not read reports; administrators read any.
 */
@OpsflowSpringTest
class ReportApiTest {

    static final String A = "report-a";
    static final String B = "report-b";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestIdentities identities;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    ReportArchive archive;

    @BeforeEach
    void twoCustomers() {
        customers.save(new Customer(A, "報告A株式会社", "ja", null, null, null, null, Map.of(), null));
        customers.save(new Customer(B, "Report B Ltd", "en", null, null, null, null, Map.of(), null));
        identities.user("manager-of-report-a", List.of(Roles.MANAGERS_GROUP), List.of(A));
        identities.user("operator-of-report-a", List.of(Roles.OPERATORS_GROUP), List.of(A));
    }

    @Test
    void aManagerReadsTheirCustomersMonthAsJsonAndCsv() {
        ResponseEntity<String> json = as("manager-of-report-a").getForEntity("/api/reports/" + A + "/2026-11", String.class);
        assertThat(json.getStatusCode()).as(json.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.getBody()).contains("\"customerId\":\"" + A + "\"", "\"month\":\"2026-11\"", "\"timeZone\":\"Asia/Tokyo\"",
                "\"incidents\":", "\"requests\":", "\"microsoftTickets\":", "\"trend\":",
                "\"services\":{\"collected\":false,\"collectedAt\":null,\"resources\":[]}");

        HttpHeaders japanese = new HttpHeaders();
        japanese.set(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP");
        ResponseEntity<byte[]> csv = as("manager-of-report-a").exchange("/api/reports/" + A + "/2026-11.csv", HttpMethod.GET,
                new HttpEntity<>(japanese), byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = csv.getBody();
        assertThat(new byte[] {body[0], body[1], body[2]}).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("区分,項目,内訳,値\r\n").contains("インシデント,受付件数,,0");

        ResponseEntity<byte[]> pdf = as("manager-of-report-a").exchange("/api/reports/" + A + "/2026-11.pdf", HttpMethod.GET,
                new HttpEntity<>(japanese), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void nobodyReadsAnotherCustomersFiguresThroughAnySurface() {
        for (String path : List.of("/api/reports/" + B + "/2026-11", "/api/reports/" + B + "/2026-11.csv",
                "/api/reports/" + B + "/2026-11.pdf")) {
            ResponseEntity<String> foreign = as("manager-of-report-a").getForEntity(path, String.class);
            assertThat(foreign.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(foreign.getBody()).contains(B).doesNotContain("incidents");
            ResponseEntity<String> operator = as("operator-of-report-a").getForEntity(path.replace(B, A), String.class);
            assertThat(operator.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.getForEntity("/api/reports/" + A + "/2026-11", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("admin").getForEntity("/api/reports/" + B + "/2026-11", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theFilterOffersAManagerOnlyTheirCustomers() {
        String mine = as("manager-of-report-a").getForObject("/api/reports/customers", String.class);
        assertThat(mine).contains("\"id\":\"" + A + "\"", "報告A株式会社").doesNotContain(B);
        assertThat(as("admin").getForObject("/api/reports/customers", String.class)).contains(A, B);
        assertThat(as("operator-of-report-a").getForEntity("/api/reports/customers", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theOpenApiDescriptionDocumentsTheReportsAndTheWebhooksButNotTheSandbox() {
        ResponseEntity<String> docs = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("\"/api/reports/{customer}/{month}\"", "\"/api/customers\"", "/webhooks/azure-monitor",
                "One customer's operations figures for a calendar month", "\"basic\"").doesNotContain("/sandbox/");
    }

    @Test
    void aWrongMonthOrCustomerIsNamed() {
        ResponseEntity<String> month = as("admin").getForEntity("/api/reports/" + A + "/2026-13", String.class);
        assertThat(month.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(month.getBody()).contains("2026-13");
        ResponseEntity<String> customer = as("admin").getForEntity("/api/reports/no-such-customer/2026-11", String.class);
        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(customer.getBody()).contains("no-such-customer");
    }

    @Test
    void issuedReportsAreReadByTheCustomersOperatorsAndManagersOnly() {
        byte[] pdf = "%PDF-1.4 issued".getBytes(StandardCharsets.US_ASCII);
        ReportArchive.Entry issued = archive.add(A, java.time.YearMonth.of(2026, 10), "ja", null, pdf);
        ReportArchive.Entry other = archive.add(B, java.time.YearMonth.of(2026, 10), "en", null, pdf);
        String path = ReportArchiveController.download(A, issued.id());

        ResponseEntity<byte[]> mine = as("operator-of-report-a").getForEntity(path, byte[].class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).isEqualTo(pdf);
        assertThat(mine.getHeaders().getContentDisposition().getFilename()).isEqualTo(issued.fileName());
        assertThat(as("manager-of-report-a").getForObject("/api/reports/" + A + "/issued", String.class))
                .contains(issued.id(), "\"status\":\"draft\"").doesNotContain(other.id());

        identities.user("operator-of-report-b", List.of(Roles.OPERATORS_GROUP), List.of(B));
        assertThat(as("operator-of-report-b").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator-of-report-b").getForEntity("/api/reports/" + A + "/issued", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> elsewhere = as("operator-of-report-a").getForEntity(ReportArchiveController.download(A, other.id()), String.class);
        assertThat(elsewhere.getStatusCode()).as("B's report asked for under A").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user.equals("admin") ? OpsflowSpringTest.ADMIN_PASSWORD : TestIdentities.PASSWORD);
    }
}
