package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/** The {@code support} section (Microsoft support escalation) through the YAML file, the database and the API. */
@OpsflowSpringTest
class CustomerSupportTest {

    @Autowired
    CustomersFileImport fileImport;
    @Autowired
    CustomerRegistry registry;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @TempDir
    Path folder;

    @Test
    void theExampleFilesSupportSectionsReachTheDatabaseAndTheApi() throws Exception {
        fileImport.importFile(Path.of("docs/customers.example.yaml"));

        Customer.Support acme = registry.find("acme").orElseThrow().support();
        assertThat(acme.plan()).isEqualTo(Customer.SupportPlan.UNIFIED);
        assertThat(acme.relay()).isEqualTo(Customer.SupportRelay.WORK_NOTE);
        assertThat(acme.auxiliaryTenantId()).isNull();
        assertThat(acme.contact()).isEqualTo(new Customer.Contact("太郎", "山田", "taro.yamada@acme.example.co.jp",
                List.of("it-ops@acme.example.co.jp"), "+81 3-1234-5678", Customer.ContactMethod.EMAIL, "ja-JP",
                "Tokyo Standard Time", "jpn"));
        Customer.Support globex = registry.find("globex").orElseThrow().support();
        assertThat(globex.plan()).isEqualTo(Customer.SupportPlan.PROFESSIONAL_DIRECT);
        assertThat(globex.relay()).isEqualTo(Customer.SupportRelay.COMMENT);
        assertThat(globex.auxiliaryTenantId()).isEqualTo("0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9");
        assertThat(globex.contact().preferredLanguage()).isEqualTo("en-US");
        assertThat(globex.contact().timeZone()).isEqualTo("GMT Standard Time");
        assertThat(globex.contact().country()).isEqualTo("gbr");

        JsonNode body = json.readTree(send(HttpMethod.GET, "/api/customers/acme", null).getBody());
        assertThat(body.at("/support/plan").asText()).isEqualTo("unified");
        assertThat(body.at("/support/relay").asText()).isEqualTo("workNote");
        assertThat(body.at("/support/contact/firstName").asText()).isEqualTo("太郎");
        assertThat(body.at("/support/contact/lastName").asText()).isEqualTo("山田");
        assertThat(body.at("/support/contact/additionalEmails/0").asText()).isEqualTo("it-ops@acme.example.co.jp");
        assertThat(json.readTree(send(HttpMethod.GET, "/api/customers/globex", null).getBody()).at("/support/relay").asText())
                .isEqualTo("comment");
    }

    @Test
    void aMinimalSectionIsStoredWithItsDefaultsAndAGetReturnsWhatAPutReturned() throws Exception {
        ResponseEntity<String> created = send(HttpMethod.PUT, "/api/customers/support-min", customer("support-min", """
                {"contact": {"firstName": "花子", "lastName": "佐藤", "email": "hanako@example.co.jp"}}"""));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode support = json.readTree(created.getBody()).get("support");
        assertThat(support.get("plan").asText()).as("an unknown plan is basic").isEqualTo("basic");
        assertThat(support.get("relay").asText()).isEqualTo("workNote");
        assertThat(support.has("auxiliaryTenantId")).isFalse();
        assertThat(support.at("/contact/lastName").asText()).isEqualTo("佐藤");
        assertThat(support.at("/contact/preferredContactMethod").asText()).isEqualTo("email");
        assertThat(support.at("/contact/preferredLanguage").asText()).isEqualTo("ja-JP");
        assertThat(support.at("/contact/timeZone").asText()).isEqualTo("Tokyo Standard Time");
        assertThat(support.at("/contact/country").asText()).isEqualTo("jpn");

        String full = """
                {"plan": "standard", "relay": "comment", "auxiliaryTenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                 "contact": {"firstName": "Jane", "lastName": "Smith", "email": "jane@example.com",
                   "additionalEmails": ["ops@example.com", "oncall@example.com"], "phone": "+44 20 7946 0000",
                   "preferredContactMethod": "phone", "preferredLanguage": "en-US", "timeZone": "GMT Standard Time", "country": "gbr"}}""";
        ResponseEntity<String> updated = send(HttpMethod.PUT, "/api/customers/support-min", customer("support-min", full));
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(updated.getBody()).get("support")).isEqualTo(json.readTree(full));
        assertThat(json.readTree(send(HttpMethod.GET, "/api/customers/support-min", null).getBody()).get("support"))
                .isEqualTo(json.readTree(full));
        assertThat(registry.find("support-min").orElseThrow().support().contact().preferredContactMethod())
                .isEqualTo(Customer.ContactMethod.PHONE);

        ResponseEntity<String> removed = send(HttpMethod.PUT, "/api/customers/support-min", customer("support-min", null));
        assertThat(json.readTree(removed.getBody()).has("support")).as("a PUT without the section removes it").isFalse();
    }

    @Test
    void everyInvalidSupportFieldIsNamed() throws Exception {
        ResponseEntity<String> response = send(HttpMethod.PUT, "/api/customers/support-bad", customer("support-bad", """
                {"auxiliaryTenantId": "contoso.onmicrosoft.com",
                 "contact": {"firstName": " ", "email": "taro at example.co.jp",
                   "additionalEmails": ["ok@example.com", "OK@example.com", "no-domain@"],
                   "preferredContactMethod": "phone", "preferredLanguage": "Japanese", "timeZone": "Tokyo; drop", "country": "jp"}}"""));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder(
                "support.auxiliaryTenantId", "support.contact.firstName", "support.contact.lastName", "support.contact.email",
                "support.contact.additionalEmails[2]", "support.contact.additionalEmails[1]", "support.contact.phone",
                "support.contact.preferredLanguage", "support.contact.timeZone", "support.contact.country");
        assertThat(response.getBody())
                .contains("must be an e-mail address such as ops@example.co.jp (at most 254 characters), got 'taro at example.co.jp'")
                .contains("is required when preferredContactMethod is phone")
                .contains("'OK@example.com' is listed twice")
                .contains("ISO 3166-1 alpha-3");
        assertThat(send(HttpMethod.GET, "/api/customers/support-bad", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownPlanOrRelayNamesTheFieldAndTheAcceptedValues() throws Exception {
        ResponseEntity<String> plan = send(HttpMethod.PUT, "/api/customers/support-plan", customer("support-plan", """
                {"plan": "premier"}"""));
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json.readTree(plan.getBody()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("support.plan");
        assertThat(error.get("message").asText()).contains("premier").contains("unified").contains("professional-direct");

        ResponseEntity<String> relay = send(HttpMethod.PUT, "/api/customers/support-plan", customer("support-plan", """
                {"relay": "work_notes"}"""));
        assertThat(json.readTree(relay.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("support.relay");
    }

    @Test
    void aBadContactInTheFileNamesItsLineAndField() throws IOException {
        Path file = folder.resolve("customers.yaml");
        Files.writeString(file, """
                customers:
                  - id: support-file
                    displayName: サポート株式会社
                    locale: ja
                    support:
                      plan: developer
                      contact:
                        firstName: 一郎
                        lastName: 鈴木
                        email: ichiro.example.co.jp
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + " line 10: customers[0].support.contact.email: must be an e-mail address");
        assertThat(registry.find("support-file")).isEmpty();

        Files.writeString(file, Files.readString(file).replace("ichiro.example.co.jp", "ichiro@example.co.jp"), StandardCharsets.UTF_8);
        fileImport.importFile(file);
        Customer.Support support = registry.find("support-file").orElseThrow().support();
        assertThat(support.plan()).isEqualTo(Customer.SupportPlan.DEVELOPER);
        assertThat(support.contact().firstName() + " " + support.contact().lastName()).isEqualTo("一郎 鈴木");
    }

    /** A valid customer of its own ServiceNow company, with {@code support} as given (none when null). */
    private static String customer(String id, String support) {
        return """
                {"id": "%s", "displayName": "サポート顧客 %s", "locale": "ja",
                 "servicenow": {"companySysId": "%s"}%s}""".formatted(id, id, CustomerApiTest.companyOf(id),
                support == null ? "" : ", \"support\": " + support);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
