package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** A keyed work note is written once, whatever happens to the answers; a write that really failed is sent again. */
class ServiceNowNoteOnceTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String RITM_SYS_ID = "c8e0a2b4d6f84a1c3e5a7c9e1b3d5f70";
    private static final String RITM = "/api/now/table/sc_req_item/" + RITM_SYS_ID;
    private static final String INCIDENT = "/api/now/table/incident/" + SYS_ID;
    private static final String JOURNAL = "/api/now/table/sys_journal_field";
    private static final String RITM_JSON = responseBody("table-sc-req-item-close-complete.exchange.json");
    private static final NoteKey KEY = NoteKey.forStep("4711", "4711", "ServiceTask_CloseCompletedRequest", "attempt-1");
    private static final RequestedItemUpdate CLOSE = new RequestedItemUpdate(RequestedItemState.CLOSED_COMPLETE, "complete", "opsflow: 完了 / Completed");

    private final ServiceNowClient client = client(wireMock);

    @Test
    void aPatchWhoseConnectionDropsAfterServiceNowRecordedItIsFoundByTheRetryAndNotSentAgain() {
        lostPatch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        RequestedItem item = client.updateRequestedItem(RITM_SYS_ID, CLOSE, KEY);

        assertThat(item.state()).isEqualTo(RequestedItemState.CLOSED_COMPLETE);
        wireMock.verify(1, patchRequestedFor(urlPathEqualTo(RITM)));
        // Before the PATCH and before its retry (a GET on a connection the reset also broke is retried too).
        wireMock.verify(moreThanOrExactly(2), getRequestedFor(urlPathEqualTo(JOURNAL)));
    }

    @Test
    void aPatchWhoseAnswerTimesOutIsFoundByTheRetryAndNotSentAgain() {
        // The read timeout is 500 ms: ServiceNow wrote the note but the answer never arrives in time.
        lostPatch(okJson(RITM_JSON).withFixedDelay(1500));

        client.updateRequestedItem(RITM_SYS_ID, CLOSE, KEY);

        wireMock.verify(1, patchRequestedFor(urlPathEqualTo(RITM)));
    }

    @Test
    void aJobRetriedAfterItsWriteWasRecordedFindsTheNoteAndSendsNothing() {
        wireMock.stubFor(get(urlPathEqualTo(JOURNAL)).willReturn(journalWithMarker()));
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT)).willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        Incident incident = client.updateIncident(SYS_ID, IncidentUpdate.workNote("opsflow: 診断結果"), KEY);

        assertThat(incident.sysId()).isEqualTo(SYS_ID);
        wireMock.verify(0, patchRequestedFor(urlPathEqualTo(INCIDENT)));
        wireMock.verify(getRequestedFor(urlPathEqualTo(JOURNAL)).withQueryParam("sysparm_query", equalTo("name=incident^element_id="
                + SYS_ID + "^elementINcomments,work_notes^valueLIKEopsflow:" + KEY.value())));
    }

    @Test
    void aFirstAttemptThatReallyFailedIsSentAgainWithTheMarker() {
        wireMock.stubFor(get(urlPathEqualTo(JOURNAL)).willReturn(okJson("{\"result\":[]}")));
        wireMock.stubFor(patch(urlPathEqualTo(RITM)).inScenario("note").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up again"));
        wireMock.stubFor(patch(urlPathEqualTo(RITM)).inScenario("note").whenScenarioStateIs("up again").willReturn(okJson(RITM_JSON)));

        client.updateRequestedItem(RITM_SYS_ID, CLOSE, KEY);

        wireMock.verify(2, patchRequestedFor(urlPathEqualTo(RITM))
                .withRequestBody(containing("\"work_notes\":\"opsflow: 完了 / Completed\\n" + KEY.marker() + "\"")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(JOURNAL)));
    }

    @Test
    void aJobRetriedAfterACallThatFailedThroughoutWritesTheNote() {
        wireMock.stubFor(get(urlPathEqualTo(JOURNAL)).willReturn(okJson("{\"result\":[]}")));
        wireMock.stubFor(patch(urlPathEqualTo(RITM)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.updateRequestedItem(RITM_SYS_ID, CLOSE, KEY)).isInstanceOf(ServiceNowUnavailableException.class);

        wireMock.stubFor(patch(urlPathEqualTo(RITM)).willReturn(okJson(RITM_JSON)));
        client.updateRequestedItem(RITM_SYS_ID, CLOSE, KEY);

        wireMock.verify(4, patchRequestedFor(urlPathEqualTo(RITM)));
    }

    @Test
    void keysDifferByStepScopeAndPass() {
        assertThat(NoteKey.forStep("1", "1", "A", "attempt-1")).isEqualTo(NoteKey.forStep("1", "1", "A", "attempt-1"))
                .isNotEqualTo(NoteKey.forStep("1", "1", "A", "attempt-2"))
                .isNotEqualTo(NoteKey.forStep("1", "2", "A", "attempt-1"))
                .isNotEqualTo(NoteKey.forStep("1", "1", "B", "attempt-1"));
        assertThat(KEY.marker()).matches("\\[opsflow:[0-9a-f]{16}]");
        assertThatThrownBy(() -> client.updateRequestedItem(RITM_SYS_ID, new RequestedItemUpdate(RequestedItemState.CLOSED_COMPLETE, null, null), KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The lookup finds nothing, the PATCH is recorded but its answer is lost, the next lookup finds the note. */
    private void lostPatch(ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(JOURNAL)).inScenario("note").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"result\":[]}")));
        wireMock.stubFor(patch(urlPathEqualTo(RITM)).inScenario("note").whenScenarioStateIs(STARTED)
                .willReturn(answer).willSetStateTo("written"));
        wireMock.stubFor(get(urlPathEqualTo(JOURNAL)).inScenario("note").whenScenarioStateIs("written")
                .willReturn(journalWithMarker()));
        wireMock.stubFor(get(urlPathEqualTo(RITM)).willReturn(okJson(RITM_JSON)));
    }

    private static ResponseDefinitionBuilder journalWithMarker() {
        return okJson("{\"result\":[{\"sys_id\":\"9d3f5b7a1c2e4f6a8b0c1d2e3f4a5b6c\",\"value\":\"opsflow: 完了 / Completed\\n"
                + KEY.marker() + "\"}]}");
    }
}
