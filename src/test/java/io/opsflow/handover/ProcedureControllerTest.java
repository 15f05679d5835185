package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.security.Roles;

/**
 * {@code /api/customers/{id}/procedures/...} in the whole application: the customer's tenant members
 * read its procedures as Markdown, PDF and the HTML page, others are refused; nothing agreed is a 404,
 * a wrong name a 400 naming it; and the Triage form's link, computed by FEEL from the item's name, lands
 * on that item's anchor.
 */
@OpsflowSpringTest
class ProcedureControllerTest {

    static final String AGREED = "procedure-agreed";
    static final String NOTHING = "procedure-nothing";
    static final String MEMBER = "procedure-operator";
    static final String OUTSIDER = "procedure-outsider";
    static final String WEB01 = "Web01 CPU使用率";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestIdentities identities;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    Onboarding onboarding;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    @BeforeEach
    void anAgreedCustomerAndOneWithNothingAgreed() throws Exception {
        customers.save(new Customer(AGREED, "手順株式会社", "ja", null, null, null, null, Map.of(), null));
        customers.save(new Customer(NOTHING, "Nothing Yet Inc.", "en", null, null, null, null, Map.of(), null));
        identities.user(MEMBER, List.of(Roles.OPERATORS_GROUP), List.of(AGREED, NOTHING));
        identities.user(OUTSIDER, List.of(Roles.OPERATORS_GROUP), List.of());
        String list = Files.readString(Path.of("docs/samples/monitoring-items-demo.csv"));
        onboarding.agree(AGREED, new Onboarding.AgreedDesign(list, "csv",
                Map.of("P3", new Customer.SlaTarget(Duration.ofMinutes(20), Duration.ofHours(3), Duration.ofDays(2))), "", Instant.now()));
    }

    @Test
    void aMemberReadsTheProceduresAsMarkdownPdfAndHtmlInTheCustomersLanguageOrTheOneAsked() {
        ResponseEntity<String> md = as(MEMBER).getForEntity(path("operator.md"), String.class);
        assertThat(md.getStatusCode()).as(md.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(md.getHeaders().getContentType()).hasToString("text/markdown;charset=UTF-8");
        assertThat(md.getBody().replace('\u00a0', ' ')).startsWith("# オペレーション手順書 — 手順株式会社").contains(WEB01, "### 最初の確認")
                .as("the SLA the review agreed, before go-live").contains("受付 20 分、原因特定 3 時間、解決 2 日 以内");

        String english = as(MEMBER).getForObject(path("administrator.md?lang=en"), String.class).replace('\u00a0', ' ');
        assertThat(english).startsWith("# Administrator procedure — 手順株式会社").contains("| P3 | 20 min | 3 h | 2 d | Agreed with the customer |");

        ResponseEntity<byte[]> pdf = as(MEMBER).getForEntity(path("operator.pdf"), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo(AGREED + "-operator-procedure-ja.pdf");
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        HttpHeaders acceptPdf = new HttpHeaders();
        acceptPdf.setAccept(List.of(MediaType.APPLICATION_PDF));
        ResponseEntity<byte[]> negotiated = as(MEMBER).exchange(path("administrator"), HttpMethod.GET, new HttpEntity<>(acceptPdf), byte[].class);
        assertThat(negotiated.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        ResponseEntity<String> html = as(MEMBER).getForEntity(path("operator.html"), String.class);
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(html.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(html.getBody()).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">", "<h2 id=\"" + ProcedureDocument.anchor(WEB01) + "\">1. " + WEB01 + "</h2>",
                "href=\"/api/customers/" + AGREED + "/procedures/operator.pdf?lang=ja\"");
    }

    @Test
    void theTriageFormsLinkOpensTheOperatorProcedureAtTheItemsAnchor() throws Exception {
        JsonNode component = null;
        for (JsonNode c : json.readTree(Files.readString(Path.of("processes/incident/incident-triage.form"))).path("components")) {
            if ("Text_OperatorProcedure".equals(c.path("id").asText())) {
                component = c;
            }
        }
        assertThat(component).isNotNull();
        String text = feel(component.path("text").asText().substring(1), Map.of("customerId", AGREED, "monitoringItem", WEB01));
        assertThat(text).startsWith("[オペレーション手順書のこの監視項目を開く / Open this monitoring item in the operator procedure](/api/customers/" + AGREED
                + "/procedures/operator.html?item=Web01%20CPU使用率)");
        String link = text.substring(text.indexOf("](") + 2, text.indexOf(") "));

        // As the browser sends it (the percent-encoding FEEL made kept, the Japanese as UTF-8), without following the redirect.
        HttpResponse<Void> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + URI.create(link).toASCIIString()))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((MEMBER + ":" + TestIdentities.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(HttpStatus.SEE_OTHER.value());
        assertThat(redirect.headers().firstValue(HttpHeaders.LOCATION)).contains("/api/customers/" + AGREED + "/procedures/operator.html?lang=ja#"
                + ProcedureDocument.anchor(WEB01));

        String hide = component.path("conditional").path("hide").asText().substring(1);
        assertThat((Object) feel(hide, Map.of("customerId", AGREED))).isEqualTo(true);
        assertThat((Object) feel(hide, Map.of("customerId", AGREED, "monitoringItem", WEB01))).isEqualTo(false);
        String odd = feel(component.path("text").asText().substring(1), Map.of("customerId", AGREED, "monitoringItem", "a (b) #1 & 50% + ?"));
        assertThat(odd).contains("?item=a%20%28b%29%20%231%20%26%2050%25%20%2B%20%3F)");

        ResponseEntity<String> unknown = as(MEMBER).getForEntity(path("operator.html?item=Gone item"), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unknown.getBody()).contains("監視項目「Gone item」は合意した監視項目一覧にありません");
    }

    @Test
    void othersAreRefusedNothingAgreedIsNotFoundAndAWrongNameIsABadRequestNamingIt() {
        ResponseEntity<String> outsider = as(OUTSIDER).getForEntity(path("operator.md"), String.class);
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outsider.getBody()).contains(AGREED);
        assertThat(as(OUTSIDER).getForEntity(path("operator.html"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(path("operator.md"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin().getForEntity(path("administrator.md"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> nothing = as(MEMBER).getForEntity("/api/customers/" + NOTHING + "/procedures/operator.pdf", String.class);
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nothing.getBody()).contains(NOTHING, "operations review");
        assertThat(as(MEMBER).getForEntity("/api/customers/nobody-here/procedures/operator.md", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> kind = as(MEMBER).getForEntity(path("auditor.md"), String.class);
        assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(kind.getBody()).contains("auditor");
        ResponseEntity<String> lang = as(MEMBER).getForEntity(path("operator.md?lang=fr"), String.class);
        assertThat(lang.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lang.getBody()).contains("Language \\\"fr\\\" is not offered");
        HttpHeaders english = new HttpHeaders();
        english.setAcceptLanguageAsLocales(List.of(java.util.Locale.ENGLISH));
        ResponseEntity<String> format = as(MEMBER).exchange(path("operator.docx"), HttpMethod.GET, new HttpEntity<>(english), String.class);
        assertThat(format.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(format.getBody()).contains("Format \\\"docx\\\" is not offered");
    }

    @SuppressWarnings("unchecked")
    private static <T> T feel(String expression, Map<String, Object> variables) {
        return (T) new ScalaFeelEngineFactory().createInstance()
                .evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
    }

    private static String path(String document) {
        return "/api/customers/" + AGREED + "/procedures/" + document;
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, TestIdentities.PASSWORD);
    }

    private TestRestTemplate admin() {
        return rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD);
    }
}
