package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.servicenow.Contracts.BASIC;
import static io.opsflow.servicenow.Contracts.CORRELATION_ID;
import static io.opsflow.servicenow.Contracts.SYS_ID;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.exchange;
import static io.opsflow.servicenow.Contracts.requestBody;
import static io.opsflow.servicenow.Contracts.responseBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** Each operation against WireMock speaking the contract examples: the request sent, the answer parsed. */
class ServiceNowClientOperationsTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENTS = "/api/now/table/incident";
    private static final String INCIDENT = INCIDENTS + "/" + SYS_ID;
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private final ServiceNowClient client = client(wireMock);

    @Test
    void createIncidentLooksUpTheCorrelationIdThenPostsTheIncident() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).willReturn(okJson(
                exchange("table-incident-find-by-correlation.exchanges.json").at("/exchanges/0/response/body").toString())));
        wireMock.stubFor(post(urlPathEqualTo(INCIDENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON_UTF8)
                .withHeader("Location", "https://contosomsp.service-now.com" + INCIDENT)
                .withBody(responseBody("table-incident-create.exchange.json"))));

        Incident created = client.createIncident(new NewIncident(CORRELATION_ID, "azure-monitor",
                "8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f", "e4a7c3d2b1f04d6e9a8b7c6d5e4f3a21", "7e9f1a3b5c7d4e2f8a0b2c4d6e8f0a1b",
                "2b4d6f8a0c1e4a3b5c7d9e1f3a5b7c9d", "[Azure Monitor] Sev2 acme-vm-cpu-high fired on vm-acme-web01",
                exchange("table-incident-create.exchange.json").at("/request/body/description").asText(),
                "2", "2", "hardware", "cpu"));

        wireMock.verify(getRequestedFor(urlPathEqualTo(INCIDENTS))
                .withQueryParam("sysparm_query", equalTo("correlation_id=" + CORRELATION_ID + "^ORDERBYsys_created_on"))
                .withQueryParam("sysparm_fields", equalTo(Incident.FIELDS))
                .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
                .withQueryParam("sysparm_limit", equalTo("1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INCIDENTS))
                .withQueryParam("sysparm_fields", equalTo(Incident.FIELDS))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson(requestBody("table-incident-create.exchange.json"))));
        assertThat(created.sysId()).isEqualTo(SYS_ID);
        assertThat(created.number()).isEqualTo("INC0010042");
        assertThat(created.state()).isEqualTo(IncidentState.NEW);
        assertThat(created.priority()).isEqualTo("3");
        // references come as {link, value} in the full record: the sys_id is kept
        assertThat(created.company()).isEqualTo("8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f");
        assertThat(created.assignmentGroup()).isEqualTo("7e9f1a3b5c7d4e2f8a0b2c4d6e8f0a1b");
        assertThat(created.correlationId()).isEqualTo(CORRELATION_ID);
        assertThat(created.assignedTo()).isEmpty();
        assertThat(created.active()).isEqualTo("true");
    }

    @Test
    void findIncidentByCorrelationIdIsEmptyWhenNothingMatches() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).willReturn(okJson(
                exchange("table-incident-find-by-correlation.exchanges.json").at("/exchanges/0/response/body").toString())
                .withHeader("X-Total-Count", "0")));

        assertThat(client.findIncidentByCorrelationId(CORRELATION_ID)).isEmpty();
    }

    @Test
    void findIncidentByNumberQueriesTheNumber() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).withQueryParam("sysparm_query", equalTo("number=INC0010042"))
                .willReturn(okJson(exchange("table-incident-find-by-correlation.exchanges.json")
                        .at("/exchanges/1/response/body").toString())));

        Incident found = client.findIncidentByNumber("INC0010042").orElseThrow();

        wireMock.verify(getRequestedFor(urlPathEqualTo(INCIDENTS)).withQueryParam("sysparm_limit", equalTo("1"))
                .withHeader("Authorization", equalTo(BASIC)));
        assertThat(found.sysId()).isEqualTo(SYS_ID);
        assertThat(found.state()).isEqualTo(IncidentState.NEW);
        assertThat(found.sysModCount()).isEqualTo("0");
        assertThat(found.shortDescription()).as("not in the contract's answer").isNull();
    }

    @Test
    void aValueThatWouldChangeTheEncodedQueryIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.findIncidentByNumber("INC0010042^ORactive=true"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getIncident("../sys_user")).isInstanceOf(IllegalArgumentException.class);
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void getIncidentReadsOneRecordBySysId() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENT))
                .willReturn(okJson(responseBody("table-incident-get.exchange.json"))));

        Incident incident = client.getIncident(SYS_ID);

        wireMock.verify(getRequestedFor(urlPathEqualTo(INCIDENT))
                .withQueryParam("sysparm_fields", equalTo(Incident.FIELDS))
                .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC)));
        assertThat(incident.number()).isEqualTo("INC0010042");
        assertThat(incident.state()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(incident.assignedTo()).isEqualTo("9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d");
        assertThat(incident.sysUpdatedOn()).isEqualTo("2026-11-24 02:03:11");
        assertThat(incident.correlationId()).isEqualTo(CORRELATION_ID);
    }

    @Test
    void updateIncidentPatchesOnlyTheGivenFieldsAndSendsJapaneseAsUtf8() {
        wireMock.stubFor(patch(urlPathEqualTo(INCIDENT))
                .willReturn(okJson(responseBody("table-incident-update-work-notes.exchange.json"))));
        String note = "opsflow: 再起動ジョブを開始しました（Restart-AzureVM）";

        Incident updated = client.updateIncident(SYS_ID, new IncidentUpdate(IncidentState.IN_PROGRESS, null, null, null,
                "9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d", note, null, null, null));

        wireMock.verify(patchRequestedFor(urlPathEqualTo(INCIDENT))
                .withQueryParam("sysparm_fields", equalTo(Incident.FIELDS))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("""
                        {"state": "2", "assigned_to": "9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d", "work_notes": "%s"}
                        """.formatted(note))));
        byte[] sent = wireMock.getAllServeEvents().get(0).getRequest().getBody();
        assertThat(new String(sent, StandardCharsets.UTF_8)).contains(note);
        assertThat(updated.state()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(updated.sysModCount()).isEqualTo("3");
    }

    @Test
    void resolveSendsStateCloseCodeAndCloseNotes() {
        wireMock.stubFor(patch(urlPathEqualTo(INCIDENT))
                .willReturn(okJson(responseBody("table-incident-resolve.exchange.json"))));
        String closeNotes = exchange("table-incident-resolve.exchange.json").at("/request/body/close_notes").asText();

        Incident resolved = client.updateIncident(SYS_ID, IncidentUpdate.resolve("Solution provided", closeNotes));

        wireMock.verify(patchRequestedFor(urlPathEqualTo(INCIDENT))
                .withRequestBody(equalToJson(requestBody("table-incident-resolve.exchange.json"))));
        assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(resolved.closeCode()).isEqualTo("Solution provided");
        assertThat(resolved.resolvedAt()).isEqualTo("2026-11-24 02:22:05");
    }

    @Test
    void latestJournalEntriesQueriesSysJournalFieldNewestFirstAndReadsJapanese() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/table/sys_journal_field")).willReturn(aResponse()
                .withHeader("Content-Type", JSON_UTF8)
                .withBody("""
                        {"result": [
                          {"sys_id": "aa11bb22cc33dd44ee55ff6600112233", "element": "comments",
                           "value": "お客様: 再起動後も遅いです", "sys_created_on": "2026-11-24 02:30:00",
                           "sys_created_by": "taro.yamada"},
                          {"sys_id": "bb11bb22cc33dd44ee55ff6600112233", "element": "work_notes",
                           "value": "opsflow: 再起動ジョブを開始しました", "sys_created_on": "2026-11-24 02:14:06",
                           "sys_created_by": "svc_opsflow"}
                        ]}
                        """.getBytes(StandardCharsets.UTF_8))));

        List<JournalEntry> entries = client.latestJournalEntries(SYS_ID, Set.of(JournalField.WORK_NOTES,
                JournalField.COMMENTS), 5);

        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/now/table/sys_journal_field"))
                .withQueryParam("sysparm_query", equalTo("name=incident^element_id=" + SYS_ID
                        + "^elementINcomments,work_notes^ORDERBYDESCsys_created_on"))
                .withQueryParam("sysparm_fields", equalTo("sys_id,element,value,sys_created_on,sys_created_by"))
                .withQueryParam("sysparm_limit", equalTo("5"))
                .withHeader("Authorization", equalTo(BASIC)));
        assertThat(entries).extracting(JournalEntry::field).containsExactly(JournalField.COMMENTS, JournalField.WORK_NOTES);
        assertThat(entries.get(0).value()).isEqualTo("お客様: 再起動後も遅いです");
        assertThat(entries.get(1).createdBy()).isEqualTo("svc_opsflow");
    }

    @Test
    void findUserEmailReadsTheActiveUsersEmailFromSysUser() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/table/sys_user"))
                .withQueryParam("sysparm_query", equalTo("user_name=hanako.sato^active=true"))
                .willReturn(okJson("""
                        {"result": [{"email": "hanako.sato@msp.example.jp"}]}
                        """)));
        wireMock.stubFor(get(urlPathEqualTo("/api/now/table/sys_user"))
                .withQueryParam("sysparm_query", equalTo("user_name=gone.user^active=true")).willReturn(okJson("{\"result\": []}")));
        wireMock.stubFor(get(urlPathEqualTo("/api/now/table/sys_user"))
                .withQueryParam("sysparm_query", equalTo("user_name=no.mail^active=true")).willReturn(okJson("""
                        {"result": [{"email": ""}]}
                        """)));

        assertThat(client.findUserEmail("hanako.sato")).contains("hanako.sato@msp.example.jp");
        assertThat(client.findUserEmail("gone.user")).isEmpty();
        assertThat(client.findUserEmail("no.mail")).isEmpty();
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/now/table/sys_user")).withQueryParam("sysparm_fields", equalTo("email"))
                .withHeader("Authorization", equalTo(BASIC)));
        assertThatThrownBy(() -> client.findUserEmail("x^ORactive=false")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateRequestedItemPatchesScReqItem() {
        String path = "/api/now/table/sc_req_item/c8e0a2b4d6f84a1c3e5a7c9e1b3d5f70";
        wireMock.stubFor(patch(urlPathEqualTo(path))
                .willReturn(okJson(responseBody("table-sc-req-item-close-complete.exchange.json"))));
        String note = exchange("table-sc-req-item-close-complete.exchange.json").at("/request/body/work_notes").asText();

        RequestedItem item = client.updateRequestedItem("c8e0a2b4d6f84a1c3e5a7c9e1b3d5f70",
                new RequestedItemUpdate(RequestedItemState.CLOSED_COMPLETE, null, note));

        wireMock.verify(patchRequestedFor(urlPathEqualTo(path))
                .withQueryParam("sysparm_fields", equalTo(RequestedItem.FIELDS))
                .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson(requestBody("table-sc-req-item-close-complete.exchange.json"))));
        assertThat(item.number()).isEqualTo("RITM0010007");
        assertThat(item.state()).isEqualTo(RequestedItemState.CLOSED_COMPLETE);
        assertThat(item.stage()).isEqualTo(RequestedItemStage.COMPLETE);
        assertThat(item.stageCode()).isEqualTo("complete");
    }

    @Test
    void queryReadsDisplayValuesAndInternalValues() {
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).willReturn(okJson("{\"result\": ["
                + exchange("table-incident-display-value-all.exchange.json").at("/response/body/result") + "]}")
                .withHeader("X-Total-Count", "1")));

        List<TableRecord> records = client.query(new TableQuery("incident", "sys_id=" + SYS_ID,
                List.of("number", "state", "assignment_group", "work_notes"), 10, TableQuery.DisplayValue.ALL));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(INCIDENTS))
                .withQueryParam("sysparm_display_value", equalTo("all"))
                .withQueryParam("sysparm_fields", equalTo("number,state,assignment_group,work_notes")));
        TableRecord record = records.get(0);
        assertThat(record.value("state")).isEqualTo("2");
        assertThat(record.displayValue("state")).isEqualTo("作業中");
        assertThat(record.value("assignment_group")).isEqualTo("7e9f1a3b5c7d4e2f8a0b2c4d6e8f0a1b");
        assertThat(record.displayValue("assignment_group")).isEqualTo("Azure Operations");
        assertThat(record.displayValue("work_notes")).contains("(作業メモ)");
    }
}
