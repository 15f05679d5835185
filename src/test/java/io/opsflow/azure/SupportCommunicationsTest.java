package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A support ticket's messages against the Microsoft.Support contract (api-version 2024-04-01). */
class SupportCommunicationsTest extends ArmWireMockTest {

    static final String TICKET = SupportTicketsTest.SUPPORT + "/supportTickets/testticket";
    static final String MESSAGES = TICKET + "/communications";
    static final String OPERATION = SupportTicketsTest.SUPPORT + "/operationsStatus/operationid";
    static final String JAPANESE_BODY = "<p>ご不便をおかけしております。</p>\n<p>ホストの再起動を実施しました。VM「vm-acme-web01」の状態をご確認ください。～①</p>";

    SupportCommunications communications;

    @BeforeEach
    void operations() {
        communications = new SupportCommunications(arm);
    }

    @Test
    void readsTheMessagesSinceATimeOverEveryPageOldestFirstJapaneseIntact() {
        ObjectNode firstPage = (ObjectNode) contract("communications-list.json").path("responses").path("200").path("body").deepCopy();
        firstPage.put("nextLink", baseUrl() + MESSAGES + "?api-version=2024-04-01&$skiptoken=page2");
        ObjectNode secondPage = SupportTicketsTest.json("{\"value\":[]}").deepCopy();
        ((ArrayNode) secondPage.get("value")).add(message("fromMicrosoft", "Re: VM が起動しない", JAPANESE_BODY,
                "inbound", "2020-03-26T01:02:03Z"))
                .add(message("earlier", "電話でのご連絡", "お電話にて状況を伺いました。", "inbound", "2020-03-25T09:00:00Z"));
        wm.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("$filter", equalTo("createdDate ge 2020-03-24T00:00:00Z"))
                .willReturn(answer(200, firstPage)));
        wm.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("$skiptoken", equalTo("page2"))
                .willReturn(answer(200, secondPage)));

        List<SupportCommunications.Communication> since = communications.since(SupportTicketsTest.direct(), "testticket",
                OffsetDateTime.parse("2020-03-24T09:00:00.123+09:00"));

        wm.verify(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("api-version", equalTo("2024-04-01"))
                .withQueryParam("$filter", equalTo("createdDate ge 2020-03-24T00:00:00Z")));
        assertThat(since).extracting(SupportCommunications.Communication::name)
                .containsExactly("testmessage1", "earlier", "fromMicrosoft", "testmessage2");
        SupportCommunications.Communication fromMicrosoft = since.get(2);
        assertThat(fromMicrosoft.body()).isEqualTo(JAPANESE_BODY);
        assertThat(fromMicrosoft.subject()).isEqualTo("Re: VM が起動しない");
        assertThat(fromMicrosoft.isFromMicrosoft()).isTrue();
        assertThat(fromMicrosoft.direction()).isEqualTo(SupportCommunications.Direction.INBOUND);
        assertThat(fromMicrosoft.channel()).isEqualTo(SupportCommunications.Channel.WEB);
        assertThat(fromMicrosoft.sender()).isEqualTo("support@microsoft.example");
        assertThat(since.get(0).direction()).isEqualTo(SupportCommunications.Direction.OUTBOUND);
        assertThat(since.get(0).createdDate()).isEqualTo(OffsetDateTime.parse("2020-03-24T20:18:19Z"));
    }

    @Test
    void addsAJapaneseMessageAndFollowsItsOperationToTheEnd() {
        String message = MESSAGES + "/opsflow-msg-1";
        wm.stubFor(put(urlPathEqualTo(message)).willReturn(aResponse().withStatus(202)
                .withHeader("azure-asyncoperation", baseUrl() + OPERATION + "?api-version=2024-04-01")));
        wm.stubFor(get(urlPathEqualTo(OPERATION)).inScenario("message").whenScenarioStateIs(STARTED)
                .willReturn(answer(200, SupportTicketsTest.operation("InProgress", null))).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(OPERATION)).inScenario("message").whenScenarioStateIs("done")
                .willReturn(answer(200, SupportTicketsTest.operation("Succeeded", null))));
        ObjectNode stored = (ObjectNode) contract("communication-get.json").path("responses").path("200").path("body").deepCopy();
        ((ObjectNode) stored.get("properties")).put("subject", "追加情報").put("body", JAPANESE_BODY);
        stored.put("name", "opsflow-msg-1");
        wm.stubFor(get(urlPathEqualTo(message)).willReturn(answer(200, stored)));

        ObjectNode expected = SupportTicketsTest.json("{}").deepCopy();
        expected.putObject("properties").put("subject", "追加情報").put("body", JAPANESE_BODY)
                .put("sender", "hanako.sato@contoso-msp.example");

        ArmSubmission<SupportCommunications.Communication> submission = communications.add(SupportTicketsTest.direct(),
                "testticket", "opsflow-msg-1", "追加情報", JAPANESE_BODY, "hanako.sato@contoso-msp.example");

        wm.verify(putRequestedFor(urlPathEqualTo(message)).withQueryParam("api-version", equalTo("2024-04-01"))
                .withRequestBody(equalToJson(json(expected))));
        assertThat(communications.added(SupportTicketsTest.direct(), "testticket", submission)).isEmpty();
        assertThat(communications.added(SupportTicketsTest.direct(), "testticket", submission)).hasValueSatisfying(added -> {
            assertThat(added.name()).isEqualTo("opsflow-msg-1");
            assertThat(added.body()).isEqualTo(JAPANESE_BODY);
        });
    }

    @Test
    void aMessageAnsweredAtOnceCarriesTheMessage() {
        JsonNode create = contract("communication-create.json");
        wm.stubFor(put(urlPathEqualTo(MESSAGES + "/testcommunication"))
                .willReturn(answer(200, create.path("responses").path("200").path("body"))));
        JsonNode request = create.path("parameters").path("createCommunicationParameters");

        ArmSubmission<SupportCommunications.Communication> added = communications.add(SupportTicketsTest.direct(), "testticket",
                "testcommunication", request.path("properties").path("subject").asText(),
                request.path("properties").path("body").asText(), request.path("properties").path("sender").asText());

        wm.verify(putRequestedFor(urlPathEqualTo(MESSAGES + "/testcommunication")).withRequestBody(equalToJson(json(request))));
        assertThat(added.isAccepted()).isFalse();
        assertThat(communications.added(SupportTicketsTest.direct(), "testticket", added)).get()
                .extracting(SupportCommunications.Communication::channel).isEqualTo(SupportCommunications.Channel.WEB);
    }

    @Test
    void aFailedMessageSurfacesMicrosoftsReasonAndIsNotRead() {
        ArmSubmission<SupportCommunications.Communication> submission = new ArmSubmission<>("opsflow-msg-2",
                baseUrl() + OPERATION + "?api-version=2024-04-01", null);
        wm.stubFor(get(urlPathEqualTo(OPERATION)).willReturn(answer(200, SupportTicketsTest.operation("Failed",
                "{\"code\":\"SupportTicketClosed\",\"message\":\"Cannot add a communication to a closed ticket.\"}"))));

        assertThatThrownBy(() -> communications.added(SupportTicketsTest.direct(), "testticket", submission))
                .isInstanceOfSatisfying(SupportOperationFailedException.class, e -> {
                    assertThat(e.operation()).isEqualTo(SupportOperationFailedException.Operation.ADD_COMMUNICATION);
                    assertThat(e.name()).isEqualTo("opsflow-msg-2");
                    assertThat(e.code()).isEqualTo("SupportTicketClosed");
                    assertThat(e.reason()).isEqualTo("Cannot add a communication to a closed ticket.");
                });
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(MESSAGES + "/opsflow-msg-2")));
    }

    @Test
    void checksWhetherTheMessageNameIsAvailable() {
        JsonNode example = contract("check-name-availability-communication.json");
        wm.stubFor(post(urlPathEqualTo(TICKET + "/checkNameAvailability")).withQueryParam("api-version", equalTo("2024-04-01"))
                .willReturn(answer(200, example.path("responses").path("200").path("body"))));

        SupportTickets.NameAvailability answer = communications.checkName(SupportTicketsTest.direct(), "testticket", "sampleName");

        wm.verify(postRequestedFor(urlPathEqualTo(TICKET + "/checkNameAvailability"))
                .withRequestBody(equalToJson(json(example.path("parameters").path("checkNameAvailabilityInput")))));
        assertThat(answer.available()).isFalse();
        assertThat(answer.reason()).isEqualTo("Name is already in use");
    }

    private static JsonNode message(String name, String subject, String body, String direction, String created) {
        ObjectNode message = SupportTicketsTest.json("{}").deepCopy();
        message.put("id", TICKET + "/communications/" + name).put("name", name).put("type", "Microsoft.Support/communications");
        message.putObject("properties").put("subject", subject).put("body", body).put("communicationType", "web")
                .put("communicationDirection", direction).put("sender", "support@microsoft.example").put("createdDate", created);
        return message;
    }
}
