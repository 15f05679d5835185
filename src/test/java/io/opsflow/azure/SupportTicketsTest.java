package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Support tickets against the Microsoft.Support contract (api-version 2024-04-01). */
class SupportTicketsTest extends ArmWireMockTest {

    static final String LRO = "support-ticket-create-lro.exchanges.json";
    static final String SUPPORT = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Support";
    static final String TICKET = SUPPORT + "/supportTickets/opsflow-acme-inc0010042";
    static final String OPERATION = SUPPORT + "/operationsStatus/0c2f5e7a-91d4-4b6a-8e13-5a7d9c0b2f48";
    static final String PARTNER_TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String PARTNER_TOKEN = "test-token-from-the-partner-tenant";
    static final String AUXILIARY = "x-ms-authorization-auxiliary";

    SupportTickets tickets;

    @BeforeEach
    void operations() {
        tickets = new SupportTickets(arm);
    }

    @Test
    void createsATicketInJapaneseAndPollsThe202UntilItExists() {
        stubCreateThatSucceeds();

        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(direct(), vmDoesNotBoot());

        wm.verify(putRequestedFor(urlPathEqualTo(TICKET))
                .withQueryParam("api-version", equalTo("2024-04-01"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalToJson(json(exchange(LRO, 0).path("request").path("body")))));
        assertThat(submission.isAccepted()).isTrue();
        assertThat(submission.name()).isEqualTo("opsflow-acme-inc0010042");
        assertThat(submission.statusUrl()).isEqualTo(baseUrl() + OPERATION + "?api-version=2024-04-01");

        assertThat(tickets.created(direct(), submission)).isEmpty();
        Optional<SupportTickets.Ticket> created = tickets.created(direct(), submission);

        assertThat(created).hasValueSatisfying(ticket -> {
            assertThat(ticket.supportTicketId()).isEqualTo("2611240010003107");
            assertThat(ticket.status()).isEqualTo("Open");
            assertThat(ticket.isClosed()).isFalse();
            assertThat(ticket.severity()).isEqualTo(SupportTickets.Severity.MODERATE);
            assertThat(ticket.slaExpirationTime()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:31:10Z"));
        });
        wm.verify(exactly(0), anyRequestedFor(urlPathMatching("/subscriptions/.*")).withHeader(AUXILIARY, matching(".*")));
    }

    @Test
    void aCspPartnerSendsTheAuxiliaryTokenOnEveryRequestIncludingThePolls() {
        wm.stubFor(post(urlPathEqualTo("/" + PARTNER_TENANT + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"" + PARTNER_TOKEN + "\"}")));
        stubCreateThatSucceeds();
        SupportAccess partner = new SupportAccess(acme(), SUBSCRIPTION, PARTNER_TENANT);

        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(partner, vmDoesNotBoot());
        tickets.created(partner, submission);
        tickets.created(partner, submission);

        wm.verify(putRequestedFor(urlPathEqualTo(TICKET)).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader(AUXILIARY, equalTo("Bearer " + PARTNER_TOKEN)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(OPERATION)).withHeader(AUXILIARY, equalTo("Bearer " + PARTNER_TOKEN)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(TICKET)).withHeader(AUXILIARY, equalTo("Bearer " + PARTNER_TOKEN)));
        wm.verify(exactly(0), anyRequestedFor(urlPathMatching("/subscriptions/.*")).withoutHeader(AUXILIARY));
        wm.verify(postRequestedFor(urlPathEqualTo("/" + PARTNER_TENANT + "/oauth2/v2.0/token")));
    }

    @Test
    void aRetriedCreateReturnsTheTicketThatExists() {
        wm.stubFor(get(urlPathEqualTo(TICKET)).willReturn(answer(200, exchange(LRO, 3).path("response").path("body"))));

        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(direct(), vmDoesNotBoot());

        assertThat(submission.isAccepted()).isFalse();
        assertThat(tickets.created(direct(), submission)).get()
                .extracting(SupportTickets.Ticket::supportTicketId).isEqualTo("2611240010003107");
        wm.verify(exactly(0), putRequestedFor(urlPathEqualTo(TICKET)));
    }

    @Test
    void aFailedCreationSurfacesMicrosoftsCodeAndReason() {
        wm.stubFor(get(urlPathEqualTo(OPERATION)).willReturn(answer(200, operation("Failed",
                "{\"code\":\"InvalidSupportPlan\",\"message\":\"このサブスクリプションには有効なサポート プランがありません。\"}"))));

        assertThatThrownBy(() -> tickets.created(direct(), accepted()))
                .isInstanceOfSatisfying(SupportOperationFailedException.class, e -> {
                    assertThat(e.operation()).isEqualTo(SupportOperationFailedException.Operation.CREATE_TICKET);
                    assertThat(e.name()).isEqualTo("opsflow-acme-inc0010042");
                    assertThat(e.outcome()).isEqualTo(ArmAsyncOperation.Status.FAILED);
                    assertThat(e.code()).isEqualTo("InvalidSupportPlan");
                    assertThat(e.reason()).isEqualTo("このサブスクリプションには有効なサポート プランがありません。");
                    assertThat(e.isPermanent()).isTrue();
                });
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(TICKET)));
    }

    @Test
    void aCanceledCreationWithoutErrorIsAFailureToo() {
        wm.stubFor(get(urlPathEqualTo(OPERATION)).willReturn(answer(200, operation("Canceled", null))));

        assertThatThrownBy(() -> tickets.created(direct(), accepted()))
                .isInstanceOfSatisfying(SupportOperationFailedException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(ArmAsyncOperation.Status.CANCELED);
                    assertThat(e.code()).isEqualTo("SupportTicketCanceled");
                    assertThat(e.reason()).isNull();
                });
    }

    @Test
    void throttlingWhilePollingIsThrownWithItsRetryAfter() {
        JsonNode throttled = exchange("arm-throttled-429.exchanges.json", 0).path("response");
        wm.stubFor(get(urlPathEqualTo(OPERATION)).willReturn(answer(429, throttled.path("body")).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> tickets.created(direct(), accepted()))
                .isInstanceOfSatisfying(ArmThrottledException.class, e -> {
                    assertThat(e.code()).isEqualTo("SubscriptionRequestsThrottled");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(e.isTransient()).isTrue();
                });
        wm.verify(1, getRequestedFor(urlPathEqualTo(OPERATION)));
    }

    @Test
    void checksWhetherTheTicketNameIsAvailable() {
        JsonNode example = contract("check-name-availability-ticket.json");
        wm.stubFor(post(urlPathEqualTo(SUPPORT + "/checkNameAvailability")).withQueryParam("api-version", equalTo("2024-04-01"))
                .willReturn(answer(200, example.path("responses").path("200").path("body"))));

        SupportTickets.NameAvailability answer = tickets.checkName(direct(), "sampleName");

        wm.verify(postRequestedFor(urlPathEqualTo(SUPPORT + "/checkNameAvailability"))
                .withRequestBody(equalToJson(json(example.path("parameters").path("checkNameAvailabilityInput")))));
        assertThat(answer).isEqualTo(new SupportTickets.NameAvailability(false, "Name is already in use", "Name not available"));
    }

    @Test
    void closesWithExactlyTheStatusAndLeavesEverythingElse() {
        JsonNode example = contract("support-ticket-update-status-closed.json");
        wm.stubFor(patch(urlPathEqualTo(SUPPORT + "/supportTickets/testticket")).withQueryParam("api-version", equalTo("2024-04-01"))
                .willReturn(answer(200, example.path("responses").path("200").path("body"))));

        SupportTickets.Ticket closed = tickets.close(direct(), "testticket");

        wm.verify(patchRequestedFor(urlPathEqualTo(SUPPORT + "/supportTickets/testticket"))
                .withRequestBody(equalToJson(json(example.path("parameters").path("updateSupportTicket")))));
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.severity()).isEqualTo(SupportTickets.Severity.CRITICAL);
    }

    @Test
    void changesOnlyTheSeverity() {
        wm.stubFor(patch(urlPathEqualTo(TICKET)).willReturn(answer(200, exchange(LRO, 3).path("response").path("body"))));

        tickets.changeSeverity(direct(), "opsflow-acme-inc0010042", SupportTickets.Severity.CRITICAL);

        wm.verify(patchRequestedFor(urlPathEqualTo(TICKET)).withQueryParam("api-version", equalTo("2024-04-01"))
                .withRequestBody(equalToJson("{\"severity\":\"critical\"}")));
    }

    @Test
    void readsTheTicketStatus() {
        JsonNode example = contract("support-ticket-get.json");
        String path = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Support/supportTickets/testticket";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("api-version", equalTo("2024-04-01"))
                .willReturn(answer(200, example.path("responses").path("200").path("body"))));

        SupportTickets.Ticket ticket = tickets.get(direct(), "testticket");

        assertThat(ticket.status()).isEqualTo("Open");
        assertThat(ticket.severity()).isEqualTo(SupportTickets.Severity.MINIMAL);
        assertThat(ticket.supportEngineerEmail()).isEqualTo("xyz@contoso.com");
        assertThat(ticket.serviceDisplayName()).isEqualTo("Subscription management");
        assertThat(ticket.createdDate()).isEqualTo(OffsetDateTime.parse("2020-03-20T21:36:18Z"));
    }

    static SupportAccess direct() {
        return SupportAccess.of(acme(), SUBSCRIPTION);
    }

    /** ARM's async-operation status body, {@code error} given as JSON or null. */
    static JsonNode operation(String status, String error) {
        return json("{\"id\":\"op\",\"name\":\"op\",\"status\":\"" + status + "\""
                + (error == null ? "" : ",\"error\":" + error) + "}");
    }

    static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ArmSubmission<SupportTickets.Ticket> accepted() {
        return new ArmSubmission<>("opsflow-acme-inc0010042", baseUrl() + OPERATION + "?api-version=2024-04-01", null);
    }

    private void stubCreateThatSucceeds() {
        wm.stubFor(get(urlPathEqualTo(TICKET)).inScenario("ticket").whenScenarioStateIs(STARTED).willReturn(notFound()));
        wm.stubFor(put(urlPathEqualTo(TICKET)).willReturn(aResponse().withStatus(202)
                .withHeader("Location", baseUrl() + SUPPORT + "/operationResults/0c2f5e7a-91d4-4b6a-8e13-5a7d9c0b2f48?api-version=2024-04-01")
                .withHeader("Azure-AsyncOperation", baseUrl() + OPERATION + "?api-version=2024-04-01")
                .withHeader("Retry-After", "10")));
        wm.stubFor(get(urlPathEqualTo(OPERATION)).inScenario("ticket").whenScenarioStateIs(STARTED)
                .willReturn(answer(200, exchange(LRO, 1).path("response").path("body"))).willSetStateTo("created"));
        wm.stubFor(get(urlPathEqualTo(OPERATION)).inScenario("ticket").whenScenarioStateIs("created")
                .willReturn(answer(200, exchange(LRO, 2).path("response").path("body"))));
        wm.stubFor(get(urlPathEqualTo(TICKET)).inScenario("ticket").whenScenarioStateIs("created")
                .willReturn(answer(200, exchange(LRO, 3).path("response").path("body"))));
    }

    private static SupportTickets.NewTicket vmDoesNotBoot() {
        JsonNode p = exchange(LRO, 0).path("request").path("body").path("properties");
        return new SupportTickets.NewTicket("opsflow-acme-inc0010042", p.path("serviceId").asText(),
                p.path("problemClassificationId").asText(), SupportTickets.Severity.MODERATE, p.path("title").asText(),
                p.path("description").asText(), p.path("technicalTicketDetails").path("resourceId").asText(), true, false,
                SupportTickets.Contact.japanese("Hanako", "Sato", "noc@contoso-msp.example",
                        List.of("azure-ops@contoso-msp.example")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"Support ticket not found\"}}");
    }
}
