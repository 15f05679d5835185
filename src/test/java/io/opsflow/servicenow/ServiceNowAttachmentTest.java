package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.opsflow.servicenow.Contracts.BASIC;
import static io.opsflow.servicenow.Contracts.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The Attachment API as documented: {@code POST /api/now/attachment/file?table_name&table_sys_id&file_name}
 * with the file as the body and its type as Content-Type, 201 with the {@code sys_attachment} record;
 * {@code GET /api/now/attachment?sysparm_query=...} lists records.
 */
class ServiceNowAttachmentTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String COMPANY = "8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f";
    static final String FILE = "opsflow-report-acme-2026-11-v1.pdf";
    static final byte[] PDF = "%PDF-1.4 運用レポート".getBytes(StandardCharsets.UTF_8);
    static final String QUERY = "table_name=core_company^table_sys_id=" + COMPANY + "^file_name=" + FILE + "^ORDERBYsys_created_on";
    static final String RECORD = """
            {"size_bytes": "%d", "file_name": "%s", "sys_mod_count": "0", "average_image_color": "", "image_width": "",
             "sys_updated_on": "2026-12-01 00:12:39", "sys_tags": "", "table_name": "core_company",
             "sys_id": "6ea6b8fb4f31120058f5a1f14210c7d3", "image_height": "", "sys_updated_by": "svc_opsflow",
             "download_link": "https://contosomsp.service-now.com/api/now/attachment/6ea6b8fb4f31120058f5a1f14210c7d3/file",
             "content_type": "application/pdf", "sys_created_on": "2026-12-01 00:12:39", "size_compressed": "247",
             "compressed": "true", "state": "", "table_sys_id": "%s", "chunk_size_bytes": "", "hash": "",
             "sys_created_by": "svc_opsflow"}""".formatted(PDF.length, FILE, COMPANY);

    private final ServiceNowClient client = client(wireMock);

    @Test
    void theFileIsPostedWithItsTypeToItsRecordWhenNotThereYet() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/attachment")).willReturn(okJson("{\"result\": []}")));
        wireMock.stubFor(post(urlPathEqualTo("/api/now/attachment/file")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody("{\"result\": " + RECORD + "}")));

        Attachment attached = client.attachOnce(new NewAttachment("core_company", COMPANY, FILE, "application/pdf", PDF));

        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/now/attachment")).withQueryParam("sysparm_query", equalTo(QUERY))
                .withQueryParam("sysparm_limit", equalTo("1")).withHeader("Authorization", equalTo(BASIC)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/now/attachment/file"))
                .withQueryParam("table_name", equalTo("core_company"))
                .withQueryParam("table_sys_id", equalTo(COMPANY))
                .withQueryParam("file_name", equalTo(FILE))
                .withHeader("Content-Type", equalTo("application/pdf"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(binaryEqualTo(PDF)));
        assertThat(attached.sysId()).isEqualTo("6ea6b8fb4f31120058f5a1f14210c7d3");
        assertThat(attached.tableSysId()).isEqualTo(COMPANY);
        assertThat(attached.sizeBytes()).isEqualTo(PDF.length);
        assertThat(attached.downloadLink()).endsWith("/api/now/attachment/6ea6b8fb4f31120058f5a1f14210c7d3/file");
    }

    @Test
    void aFileAlreadyOnTheRecordIsNotPostedAgain() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/attachment")).willReturn(okJson("{\"result\": [" + RECORD + "]}")));

        Attachment attached = client.attachOnce(new NewAttachment("core_company", COMPANY, FILE, "application/pdf", PDF));

        assertThat(attached.fileName()).isEqualTo(FILE);
        wireMock.verify(0, postRequestedFor(urlPathEqualTo("/api/now/attachment/file")));
    }

    @Test
    void aLostAnswerIsRecheckedBeforeTheRetrySoTheFileIsAttachedOnce() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/attachment")).inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"result\": []}")));
        // ServiceNow stored the file, then the answer was lost (a 502 from the instance's load balancer).
        wireMock.stubFor(post(urlPathEqualTo("/api/now/attachment/file")).inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("stored"));
        wireMock.stubFor(get(urlPathEqualTo("/api/now/attachment")).inScenario("lost").whenScenarioStateIs("stored")
                .willReturn(okJson("{\"result\": [" + RECORD + "]}")));

        Attachment attached = client.attachOnce(new NewAttachment("core_company", COMPANY, FILE, "application/pdf", PDF));

        assertThat(attached.sysId()).isEqualTo("6ea6b8fb4f31120058f5a1f14210c7d3");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/now/attachment/file")));
    }

    @Test
    void aRefusedFileFailsAtOnceWithServiceNowsReason() {
        wireMock.stubFor(get(urlPathEqualTo("/api/now/attachment")).willReturn(okJson("{\"result\": []}")));
        wireMock.stubFor(post(urlPathEqualTo("/api/now/attachment/file")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"error\": {\"message\": \"Invalid file type: application/pdf\", \"detail\": null}, \"status\": \"failure\"}")));

        assertThatThrownBy(() -> client.attachOnce(new NewAttachment("core_company", COMPANY, FILE, "application/pdf", PDF)))
                .isInstanceOf(ServiceNowBadRequestException.class).hasMessageContaining("Invalid file type");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/now/attachment/file")));
    }

    @Test
    void namesThatWouldChangeTheQueryAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> new NewAttachment("core_company", COMPANY, "report^table_name=incident.pdf", "application/pdf", PDF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewAttachment("core_company", "not-a-sys-id", FILE, "application/pdf", PDF))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
