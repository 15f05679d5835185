package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sandbox's Microsoft.Support over HTTP as the adapter calls it, per
 * {@code contracts/azure-support}: catalog per language, name checks, create and message operations
 * (Succeeded and Failed), PATCH, {@code $filter} and {@code nextLink} paging, and Microsoft's
 * Japanese replies after {@code support-reply-delay}, on a clock the test moves.
 */
class SimulatedSupportHttpTest {

    static final String SUB = "/sandbox/azure/subscriptions/0b5e2f6c-0000-4000-8000-00000000d3e0/providers/Microsoft.Support";
    static final String API = "?api-version=2024-04-01";
    static final Duration REPLY = Duration.ofSeconds(20);

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
    final ObjectMapper json = new ObjectMapper();
    MockMvc mvc;

    @BeforeEach
    void simulator() {
        ArmSimulator arm = new ArmSimulator(new SandboxProperties(Duration.ofSeconds(2), Duration.ofSeconds(1), REPLY, 3, Duration.ofSeconds(15), Duration.ZERO, Duration.ZERO), clock);
        mvc = MockMvcBuilders.standaloneSetup(arm, new SandboxPage(new ServiceNowTables(), arm)).build();
    }

    @Test
    void theCatalogAnswersInTheCallersLanguage() throws Exception {
        JsonNode ja = body(call(arm("/sandbox/azure/providers/Microsoft.Support/services" + API).header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9")));
        JsonNode linux = find(ja.get("value"), "name", SimulatedSupportCatalog.VM_LINUX);
        assertThat(linux.at("/properties/displayName").asText()).isEqualTo("Linux を実行している仮想マシン");
        assertThat(linux.at("/id").asText()).isEqualTo("/providers/Microsoft.Support/services/" + SimulatedSupportCatalog.VM_LINUX);
        assertThat(linux.at("/properties/resourceTypes").toString()).contains("MICROSOFT.COMPUTE/VIRTUALMACHINES");
        assertThat(ja.get("value")).extracting(v -> v.at("/properties/displayName").asText())
                .contains("Windows を実行している仮想マシン", "SQL データベース", "Web アプリ (Windows)", "Azure Cosmos DB", "Azure Virtual Desktop", "Azure Monitor");

        JsonNode en = body(call(arm("/sandbox/azure/providers/Microsoft.Support/services" + API).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US")));
        assertThat(find(en.get("value"), "name", SimulatedSupportCatalog.VM_LINUX).at("/properties/displayName").asText()).isEqualTo("Virtual Machine running Linux");

        String problems = "/sandbox/azure/providers/Microsoft.Support/services/" + SimulatedSupportCatalog.VM_LINUX + "/problemClassifications" + API;
        JsonNode jaProblems = body(call(arm(problems).header(HttpHeaders.ACCEPT_LANGUAGE, "ja")));
        assertThat(jaProblems.at("/value/0/properties/displayName").asText()).isEqualTo("VM を起動または停止できない / VM が起動中のまま進まない");
        assertThat(jaProblems.at("/value/0/id").asText()).startsWith("/providers/Microsoft.Support/services/" + SimulatedSupportCatalog.VM_LINUX + "/problemClassifications/");
        assertThat(jaProblems.at("/value/0/type").asText()).isEqualTo("Microsoft.Support/problemClassifications");
        JsonNode enProblems = body(call(arm(problems)));
        assertThat(enProblems.at("/value/0/properties/displayName").asText()).isEqualTo("Cannot start or stop my VM / VM is stuck in starting state");
        String windowsFirst = body(call(arm("/sandbox/azure/providers/Microsoft.Support/services/" + SimulatedSupportCatalog.VM_WINDOWS
                + "/problemClassifications" + API))).at("/value/0/name").asText();
        assertThat(windowsFirst).as("each service's classifications have their own ids").isNotEqualTo(enProblems.at("/value/0/name").asText());

        MockHttpServletResponse missing = call(arm("/sandbox/azure/providers/Microsoft.Support/services/nope/problemClassifications" + API));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(body(missing).at("/error/code").asText()).isEqualTo("ResourceNotFound");
    }

    @Test
    void aTicketIsCreatedByAnOperationThatIsPolledAtLeastOnceAndNamesAreThenTaken() throws Exception {
        Map<String, Object> check = Map.of("name", "opsflow-demo-inc0010001", "type", "Microsoft.Support/supportTickets");
        assertThat(body(send(HttpMethod.POST, SUB + "/checkNameAvailability" + API, check)).get("nameAvailable").asBoolean()).isTrue();

        MockHttpServletResponse created = send(HttpMethod.PUT, SUB + "/supportTickets/opsflow-demo-inc0010001" + API, ticket("VM が起動しない"));
        assertThat(created.getStatus()).isEqualTo(202);
        String status = created.getHeader("Azure-AsyncOperation");
        assertThat(status).startsWith("http://localhost" + SUB + "/operationsStatus/").endsWith(API);
        assertThat(created.getHeader(HttpHeaders.LOCATION)).contains("/operationResults/");

        clock.advance(Duration.ofSeconds(5));
        JsonNode first = body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        assertThat(first.get("status").asText()).as("the first poll always sees the operation running").isEqualTo("InProgress");
        JsonNode second = body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        assertThat(second.get("status").asText()).isEqualTo("Succeeded");
        assertThat(second.has("endTime")).isTrue();

        JsonNode ticket = body(call(get(SUB + "/supportTickets/opsflow-demo-inc0010001" + API).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        JsonNode p = ticket.get("properties");
        assertThat(ticket.get("type").asText()).isEqualTo("Microsoft.Support/supportTickets");
        assertThat(p.get("title").asText()).isEqualTo("VM が起動しない");
        assertThat(p.get("description").asText()).isEqualTo("再起動後に応答しません。シリアル コンソールにも出力がありません。");
        assertThat(p.get("status").asText()).isEqualTo("Open");
        assertThat(p.get("supportTicketId").asText()).matches("261201\\d{10}");
        assertThat(p.get("serviceDisplayName").asText()).as("named in the contact's language").isEqualTo("Linux を実行している仮想マシン");
        assertThat(p.get("problemClassificationDisplayName").asText()).startsWith("VM を起動または停止できない");
        assertThat(p.at("/serviceLevelAgreement/slaMinutes").asInt()).isEqualTo(240);
        assertThat(p.at("/serviceLevelAgreement/expirationTime").asText()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(p.get("createdDate").asText()).isEqualTo("2026-12-01T01:00:00Z");

        assertThat(body(send(HttpMethod.POST, SUB + "/checkNameAvailability" + API, check)))
                .isEqualTo(json.readTree("{\"nameAvailable\":false,\"reason\":\"Name is already in use\",\"message\":\"Name not available\"}"));
        assertThat(send(HttpMethod.PUT, SUB + "/supportTickets/opsflow-demo-inc0010001" + API, ticket("VM が起動しない")).getStatus())
                .as("a retried create is the same ticket").isEqualTo(200);
        assertThat(body(send(HttpMethod.GET, SUB + "/supportTickets" + API, null)).get("value")).hasSize(1);

        Map<String, Object> incomplete = Map.of("properties", Map.of("title", "x"));
        MockHttpServletResponse bad = send(HttpMethod.PUT, SUB + "/supportTickets/opsflow-bad" + API, incomplete);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(body(bad).at("/error/code").asText()).isEqualTo("BadArgument");
    }

    @Test
    void aTicketTitledFailEndsFailedWithMicrosoftsReasonAndIsNotCreated() throws Exception {
        MockHttpServletResponse created = send(HttpMethod.PUT, SUB + "/supportTickets/opsflow-fail" + API, ticket("[fail] VM が起動しない"));
        assertThat(created.getStatus()).isEqualTo(202);
        String status = created.getHeader("Azure-AsyncOperation");
        assertThat(body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t"))).get("status").asText()).isEqualTo("InProgress");
        clock.advance(Duration.ofSeconds(2));
        JsonNode failed = body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        assertThat(failed.get("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("SupportPlanNotFound");
        assertThat(failed.at("/error/message").asText()).contains("support plan");
        assertThat(send(HttpMethod.GET, SUB + "/supportTickets/opsflow-fail" + API, null).getStatus()).isEqualTo(404);
        clock.advance(REPLY.multipliedBy(2));
        assertThat(body(send(HttpMethod.GET, SUB + "/supportTickets" + API, null)).get("value")).isEmpty();
    }

    @Test
    void microsoftAnswersInJapaneseAfterTheDelayAndKeepsTheSeverity() throws Exception {
        String ticket = SUB + "/supportTickets/opsflow-demo-inc0010002";
        send(HttpMethod.PUT, ticket + API, ticket("VM が起動しない"));
        String number = body(send(HttpMethod.GET, ticket + API, null)).at("/properties/supportTicketId").asText();
        clock.advance(REPLY.minusSeconds(1));
        assertThat(body(send(HttpMethod.GET, ticket + "/communications" + API, null)).get("value")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        JsonNode first = body(send(HttpMethod.GET, ticket + "/communications" + API, null)).at("/value/0");
        assertThat(first.at("/properties/communicationDirection").asText()).isEqualTo("inbound");
        assertThat(first.at("/properties/communicationType").asText()).isEqualTo("web");
        assertThat(first.at("/properties/sender").asText()).isEqualTo("support@mail.support.microsoft.com");
        assertThat(first.at("/properties/subject").asText()).isEqualTo("[TrackingID#" + number + "] お問い合わせを承りました - VM が起動しない");
        assertThat(first.at("/properties/body").asText()).contains("運用 様", "お問い合わせ番号: " + number, "日本マイクロソフト株式会社");
        assertThat(first.at("/properties/createdDate").asText()).isEqualTo("2026-12-01T01:00:20Z");
        assertThat(first.get("id").asText()).isEqualTo(ticket.substring("/sandbox/azure".length()) + "/communications/" + first.get("name").asText());
        assertThat(body(send(HttpMethod.GET, ticket + "/communications/" + first.get("name").asText() + API, null)).at("/properties/body").asText())
                .isEqualTo(first.at("/properties/body").asText());

        assertThat(body(send(HttpMethod.PATCH, ticket + API, Map.of("severity", "critical"))).at("/properties/severity").asText()).isEqualTo("critical");
        assertThat(send(HttpMethod.PATCH, ticket + API, Map.of("severity", "urgent")).getStatus()).isEqualTo(400);

        Map<String, Object> check = Map.of("name", "opsflow-msg-1", "type", "Microsoft.Support/communications");
        assertThat(body(send(HttpMethod.POST, ticket + "/checkNameAvailability" + API, check)).get("nameAvailable").asBoolean()).isTrue();
        MockHttpServletResponse message = send(HttpMethod.PUT, ticket + "/communications/opsflow-msg-1" + API,
                Map.of("properties", Map.of("subject", "追加情報", "body", "発生時刻は 9:55 (JST) です。", "sender", "ops@example.co.jp")));
        assertThat(message.getStatus()).isEqualTo(202);
        assertThat(body(send(HttpMethod.POST, ticket + "/checkNameAvailability" + API, check)).get("nameAvailable").asBoolean()).isFalse();
        String status = message.getHeader("Azure-AsyncOperation");
        body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        clock.advance(Duration.ofSeconds(1));
        assertThat(body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t"))).get("status").asText()).isEqualTo("Succeeded");
        assertThat(body(send(HttpMethod.GET, ticket + API, null)).at("/properties/status").asText()).as("the MSP wrote").isEqualTo("Updating");

        clock.advance(REPLY);
        JsonNode all = body(send(HttpMethod.GET, ticket + "/communications" + API, null)).get("value");
        assertThat(all).extracting(c -> c.at("/properties/communicationDirection").asText()).containsExactly("inbound", "outbound", "inbound");
        assertThat(all.get(1).at("/properties/body").asText()).isEqualTo("発生時刻は 9:55 (JST) です。");
        assertThat(all.get(2).at("/properties/subject").asText()).isEqualTo("RE: [TrackingID#" + number + "] 追加情報");
        assertThat(all.get(2).at("/properties/body").asText()).contains("ご連絡いただき、ありがとうございます");
        JsonNode after = body(send(HttpMethod.GET, ticket + API, null)).get("properties");
        assertThat(after.get("status").asText()).isEqualTo("Open");
        assertThat(after.get("severity").asText()).isEqualTo("critical");
        assertThat(after.at("/supportEngineer/emailAddress").asText()).isEqualTo("support@mail.support.microsoft.com");

        String page = call(get("/sandbox")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(number + " VM が起動しない", "受信 Microsoft → MSP (inbound)", "送信 MSP → Microsoft (outbound)",
                "発生時刻は 9:55 (JST) です。", "RE: [TrackingID#" + number + "] 追加情報");
    }

    @Test
    void aFailingMessageEndsFailedAndIsNotAdded() throws Exception {
        String ticket = SUB + "/supportTickets/opsflow-demo-inc0010003";
        send(HttpMethod.PUT, ticket + API, ticket("ディスク容量不足"));
        MockHttpServletResponse message = send(HttpMethod.PUT, ticket + "/communications/opsflow-msg-x" + API,
                Map.of("properties", Map.of("subject", "[fail] 追加情報", "body", "本文", "sender", "ops@example.co.jp")));
        assertThat(message.getStatus()).isEqualTo(202);
        String status = message.getHeader("Azure-AsyncOperation");
        body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        clock.advance(Duration.ofSeconds(1));
        JsonNode failed = body(call(get(URI.create(status)).header(HttpHeaders.AUTHORIZATION, "Bearer t")));
        assertThat(failed.get("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("CommunicationCreationFailed");
        assertThat(send(HttpMethod.GET, ticket + "/communications/opsflow-msg-x" + API, null).getStatus()).isEqualTo(404);
        assertThat(send(HttpMethod.GET, SUB + "/supportTickets/nope/communications" + API, null).getStatus()).isEqualTo(404);
    }

    @Test
    void communicationsAreFilteredByDateAndPagedWithNextLinks() throws Exception {
        String ticket = SUB + "/supportTickets/opsflow-demo-inc0010004";
        send(HttpMethod.PUT, ticket + API, ticket("性能劣化"));
        for (int i = 1; i <= 4; i++) {
            clock.advance(Duration.ofMinutes(1));
            send(HttpMethod.PUT, ticket + "/communications/opsflow-msg-" + i + API,
                    Map.of("properties", Map.of("subject", "追加情報 " + i, "body", "ログ " + i, "sender", "ops@example.co.jp")));
        }
        clock.advance(Duration.ofMinutes(1));
        List<JsonNode> all = follow(ticket + "/communications" + API);
        assertThat(all).as("first response, 4 messages, 4 replies").hasSize(9);
        assertThat(all).extracting(c -> c.at("/properties/createdDate").asText()).isSorted();
        assertThat(all.stream().map(c -> c.get("name").asText()).distinct()).hasSize(9);

        List<JsonNode> recent = follow(ticket + "/communications" + API + "&$filter={f}", "createdDate ge 2026-12-01T01:03:00Z");
        assertThat(recent).extracting(c -> c.at("/properties/subject").asText())
                .containsExactly("追加情報 3", "RE: [TrackingID#" + all.get(0).at("/properties/subject").asText().replaceAll("\\D", "") + "] 追加情報 3",
                        "追加情報 4", "RE: [TrackingID#" + all.get(0).at("/properties/subject").asText().replaceAll("\\D", "") + "] 追加情報 4");
        assertThat(follow(ticket + "/communications" + API + "&$filter={f}", "createdDate ge 2026-12-01T10:03:00+09:00")).hasSize(4);
        assertThat(follow(ticket + "/communications" + API + "&$filter={f}", "communicationType eq 'web' and createdDate ge 2026-12-01T01:04:00Z")).hasSize(2);
        assertThat(follow(ticket + "/communications" + API + "&$top=2", null)).hasSize(9);

        MockHttpServletResponse bad = call(get(ticket + "/communications" + API + "&$filter={f}", "subject eq 'x'").header(HttpHeaders.AUTHORIZATION, "Bearer t"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(body(bad).at("/error/code").asText()).isEqualTo("BadArgument");
    }

    @Test
    void ticketsAreListedByStatusAndClosedByTheMspOrByMicrosoft() throws Exception {
        send(HttpMethod.PUT, SUB + "/supportTickets/opsflow-a" + API, ticket("案件 A"));
        send(HttpMethod.PUT, SUB + "/supportTickets/opsflow-b" + API, ticket("[close] 案件 B"));
        JsonNode closed = body(send(HttpMethod.PATCH, SUB + "/supportTickets/opsflow-a" + API, Map.of("status", "closed")));
        assertThat(closed.at("/properties/status").asText()).isEqualTo("Closed");

        clock.advance(REPLY);
        assertThat(body(send(HttpMethod.GET, SUB + "/supportTickets/opsflow-a/communications" + API, null)).get("value"))
                .as("Microsoft no longer writes on a ticket the MSP closed").isEmpty();
        assertThat(body(send(HttpMethod.GET, SUB + "/supportTickets/opsflow-b" + API, null)).at("/properties/status").asText()).isEqualTo("Open");

        clock.advance(REPLY);
        JsonNode b = body(send(HttpMethod.GET, SUB + "/supportTickets/opsflow-b" + API, null));
        assertThat(b.at("/properties/status").asText()).as("closed by Microsoft after its second message").isEqualTo("Closed");
        JsonNode messages = body(send(HttpMethod.GET, SUB + "/supportTickets/opsflow-b/communications" + API, null)).get("value");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).at("/properties/body").asText()).contains("クローズとさせていただきます");
        clock.advance(REPLY.multipliedBy(3));
        assertThat(body(send(HttpMethod.GET, SUB + "/supportTickets/opsflow-b/communications" + API, null)).get("value")).hasSize(2);

        assertThat(follow(SUB + "/supportTickets" + API + "&$filter={f}", "status eq 'Closed'")).hasSize(2);
        assertThat(follow(SUB + "/supportTickets" + API + "&$filter={f}", "status eq 'Open'")).isEmpty();
        assertThat(follow(SUB + "/supportTickets" + API + "&$filter={f}", "serviceId eq '/providers/Microsoft.Support/services/"
                + SimulatedSupportCatalog.VM_LINUX + "' and createdDate ge 2026-12-01")).hasSize(2);
        assertThat(send(HttpMethod.PATCH, SUB + "/supportTickets/opsflow-a" + API, Map.of("status", "resolved")).getStatus()).isEqualTo(400);
    }

    private static MockHttpServletRequestBuilder arm(String path) {
        return get(path).header(HttpHeaders.AUTHORIZATION, "Bearer t");
    }

    private List<JsonNode> follow(String template, String filter) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        MockHttpServletRequestBuilder request = filter == null ? get(template) : get(template, filter);
        for (int pages = 0; pages < 20; pages++) {
            JsonNode page = body(call(request.header(HttpHeaders.AUTHORIZATION, "Bearer t")));
            assertThat(page.get("value").size()).isLessThanOrEqualTo(3);
            page.get("value").forEach(items::add);
            if (!page.hasNonNull("nextLink")) {
                return items;
            }
            request = get(URI.create(page.get("nextLink").asText()));
        }
        throw new AssertionError("nextLink never ends");
    }

    private List<JsonNode> follow(String path) throws Exception {
        return follow(path, null);
    }

    private Map<String, Object> ticket(String title) {
        return Map.of("properties", Map.of(
                "serviceId", "/providers/Microsoft.Support/services/" + SimulatedSupportCatalog.VM_LINUX,
                "problemClassificationId", "/providers/Microsoft.Support/services/" + SimulatedSupportCatalog.VM_LINUX + "/problemClassifications/"
                        + SimulatedSupportCatalog.service(SimulatedSupportCatalog.VM_LINUX).orElseThrow().problems().get(0).name(),
                "title", title, "description", "再起動後に応答しません。シリアル コンソールにも出力がありません。",
                "severity", "moderate", "advancedDiagnosticConsent", "Yes",
                "contactDetails", Map.of("firstName", "太郎", "lastName", "運用", "primaryEmailAddress", "ops@example.co.jp",
                        "preferredContactMethod", "email", "preferredTimeZone", "Tokyo Standard Time", "country", "jpn",
                        "preferredSupportLanguage", "ja-jp")));
    }

    private MockHttpServletResponse send(HttpMethod method, String path, Object body) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path).header(HttpHeaders.AUTHORIZATION, "Bearer t");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body));
        }
        return call(request);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
