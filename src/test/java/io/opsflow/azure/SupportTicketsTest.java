package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    SupportTickets tickets;

    @BeforeEach
    void operations() {
        tickets = new SupportTickets(arm);
    }

    @Test
    void createsATicketInJapaneseAndPollsThe202UntilItExists() {
        JsonNode put = exchange(LRO, 0);
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

        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(acme(), SUBSCRIPTION, vmDoesNotBoot());

        wm.verify(putRequestedFor(urlPathEqualTo(TICKET))
                .withQueryParam("api-version", equalTo("2024-04-01"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalToJson(json(put.path("request").path("body")))));
        assertThat(submission.isAccepted()).isTrue();
        assertThat(submission.name()).isEqualTo("opsflow-acme-inc0010042");
        assertThat(submission.statusUrl()).isEqualTo(baseUrl() + OPERATION + "?api-version=2024-04-01");

        assertThat(tickets.created(acme(), SUBSCRIPTION, submission)).isEmpty();
        Optional<SupportTickets.Ticket> created = tickets.created(acme(), SUBSCRIPTION, submission);

        assertThat(created).hasValueSatisfying(ticket -> {
            assertThat(ticket.supportTicketId()).isEqualTo("2611240010003107");
            assertThat(ticket.status()).isEqualTo("Open");
            assertThat(ticket.severity()).isEqualTo("moderate");
            assertThat(ticket.slaExpirationTime()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:31:10Z"));
        });
    }

    @Test
    void aRetriedCreateReturnsTheTicketThatExists() {
        wm.stubFor(get(urlPathEqualTo(TICKET)).willReturn(answer(200, exchange(LRO, 3).path("response").path("body"))));

        ArmSubmission<SupportTickets.Ticket> submission = tickets.create(acme(), SUBSCRIPTION, vmDoesNotBoot());

        assertThat(submission.isAccepted()).isFalse();
        assertThat(tickets.created(acme(), SUBSCRIPTION, submission)).get()
                .extracting(SupportTickets.Ticket::supportTicketId).isEqualTo("2611240010003107");
        wm.verify(exactly(0), putRequestedFor(urlPathEqualTo(TICKET)));
    }

    @Test
    void aFailedCreationIsThrownWithArmsCode() {
        ArmSubmission<SupportTickets.Ticket> submission = new ArmSubmission<>("opsflow-acme-inc0010042",
                baseUrl() + OPERATION + "?api-version=2024-04-01", null);
        wm.stubFor(get(urlPathEqualTo(OPERATION)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"Failed\",\"error\":{\"code\":\"InvalidSupportPlan\",\"message\":\"No support plan\"}}")));

        assertThatThrownBy(() -> tickets.created(acme(), SUBSCRIPTION, submission))
                .isInstanceOfSatisfying(ArmException.class, e -> assertThat(e.code()).isEqualTo("InvalidSupportPlan"))
                .hasMessageContaining("No support plan");
    }

    @Test
    void readsTheTicketStatus() {
        JsonNode example = contract("support-ticket-get.json");
        String path = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Support/supportTickets/testticket";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("api-version", equalTo("2024-04-01"))
                .willReturn(answer(200, example.path("responses").path("200").path("body"))));

        SupportTickets.Ticket ticket = tickets.get(acme(), SUBSCRIPTION, "testticket");

        assertThat(ticket.status()).isEqualTo("Open");
        assertThat(ticket.severity()).isEqualTo("minimal");
        assertThat(ticket.supportEngineerEmail()).isEqualTo("xyz@contoso.com");
        assertThat(ticket.serviceDisplayName()).isEqualTo("Subscription management");
        assertThat(ticket.createdDate()).isEqualTo(OffsetDateTime.parse("2020-03-20T21:36:18Z"));
    }

    @Test
    void addsAMessageAndListsTheMessages() {
        JsonNode create = contract("communication-create.json");
        String ticket = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Support/supportTickets/testticket";
        String message = ticket + "/communications/testcommunication";
        wm.stubFor(put(urlPathEqualTo(message)).willReturn(aResponse().withStatus(202)
                .withHeader("azure-asyncoperation", baseUrl() + SUPPORT + "/operationsStatus/operationid?api-version=2024-04-01")));
        wm.stubFor(get(urlPathEqualTo(ticket + "/communications")).withQueryParam("api-version", equalTo("2024-04-01"))
                .willReturn(answer(200, contract("communications-list.json").path("responses").path("200").path("body"))));
        JsonNode request = create.path("parameters").path("createCommunicationParameters").path("properties");

        ArmSubmission<SupportTickets.Communication> added = tickets.addCommunication(acme(), SUBSCRIPTION, "testticket",
                "testcommunication", request.path("subject").asText(), request.path("body").asText(),
                request.path("sender").asText());
        List<SupportTickets.Communication> messages = tickets.communications(acme(), SUBSCRIPTION, "testticket");

        wm.verify(putRequestedFor(urlPathEqualTo(message)).withQueryParam("api-version", equalTo("2024-04-01"))
                .withRequestBody(equalToJson(json(create.path("parameters").path("createCommunicationParameters")))));
        assertThat(added.isAccepted()).isTrue();
        assertThat(added.statusUrl()).endsWith("/operationsStatus/operationid?api-version=2024-04-01");
        assertThat(messages).extracting(SupportTickets.Communication::name).containsExactly("testmessage1", "testmessage2");
        assertThat(messages.get(0).communicationDirection()).isEqualTo("outbound");
        assertThat(messages.get(0).createdDate()).isEqualTo(OffsetDateTime.parse("2020-03-24T20:18:19Z"));
    }

    @Test
    void aMessageAnsweredAtOnceCarriesTheMessage() {
        JsonNode create = contract("communication-create.json");
        String message = "/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Support/supportTickets/testticket/communications/testcommunication";
        wm.stubFor(put(urlPathEqualTo(message)).willReturn(answer(200, create.path("responses").path("200").path("body"))));

        ArmSubmission<SupportTickets.Communication> added = tickets.addCommunication(acme(), SUBSCRIPTION, "testticket",
                "testcommunication", "s", "b", "user@contoso.com");

        assertThat(added.isAccepted()).isFalse();
        assertThat(added.resource().communicationType()).isEqualTo("web");
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
