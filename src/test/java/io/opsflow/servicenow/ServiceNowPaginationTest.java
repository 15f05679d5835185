package io.opsflow.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.servicenow.Contracts.BASIC;
import static io.opsflow.servicenow.Contracts.client;
import static io.opsflow.servicenow.Contracts.exchange;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** A table read follows rel="next" (or X-Total-Count without Link) to the last page. */
class ServiceNowPaginationTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENTS = "/api/now/table/incident";
    private static final String QUERY = "company=8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f^active=true^ORDERBYDESCsys_updated_on";
    private static final List<String> FIELDS = List.of("sys_id", "number", "short_description", "state", "priority",
            "assignment_group", "sys_updated_on");

    private final ServiceNowClient client = client(wireMock);

    @Test
    void followsTheNextLinkOverThreePagesToTheEnd() {
        JsonNode page1 = exchange("table-incident-list-page1.exchange.json").path("response");
        // The contract's Link, pointed at WireMock: first/next/last as ServiceNow writes them.
        String link1 = page1.at("/headers/Link").asText().replace("https://contosomsp.service-now.com", wireMock.baseUrl());
        String link2 = links(0, 2, 4, 0);
        String link3 = links(0, 4, -1, 2);
        stubPage(0, page1.path("body").toString(), link1);
        stubPage(2, page("INC0010037", "INC0010031"), link2);
        stubPage(4, page("INC0010030"), link3);

        List<TableRecord> records = client.query(new TableQuery("incident", QUERY, FIELDS, 2, TableQuery.DisplayValue.FALSE));

        assertThat(records).extracting(r -> r.value("number"))
                .containsExactly("INC0010042", "INC0010039", "INC0010037", "INC0010031", "INC0010030");
        assertThat(records.get(1).value("state")).isEqualTo("3");
        for (String offset : List.of("0", "2", "4")) {
            wireMock.verify(1, getRequestedFor(urlPathEqualTo(INCIDENTS))
                    .withQueryParam("sysparm_query", equalTo(QUERY))
                    .withQueryParam("sysparm_fields", equalTo(String.join(",", FIELDS)))
                    .withQueryParam("sysparm_display_value", equalTo("false"))
                    .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
                    .withQueryParam("sysparm_limit", equalTo("2"))
                    .withQueryParam("sysparm_offset", equalTo(offset))
                    .withHeader("Accept", equalTo("application/json"))
                    .withHeader("Authorization", equalTo(BASIC)));
        }
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(INCIDENTS)));
    }

    @Test
    void withoutALinkHeaderTheTotalCountDecides() {
        stubPage(0, page("INC0010042", "INC0010039"), null, 3);
        stubPage(2, page("INC0010037"), null, 3);

        List<TableRecord> records = client.query(new TableQuery("incident", QUERY, FIELDS, 2, null));

        assertThat(records).hasSize(3);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(INCIDENTS)));
    }

    private void stubPage(int offset, String body, String link) {
        stubPage(offset, body, link, 5);
    }

    private void stubPage(int offset, String body, String link, int total) {
        var response = okJson(body).withHeader("X-Total-Count", Integer.toString(total));
        if (link != null) {
            response = response.withHeader("Link", link);
        }
        wireMock.stubFor(get(urlPathEqualTo(INCIDENTS)).withQueryParam("sysparm_offset", equalTo(Integer.toString(offset)))
                .willReturn(response));
    }

    private static String page(String... numbers) {
        StringBuilder body = new StringBuilder("{\"result\":[");
        for (int i = 0; i < numbers.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sys_id\":\"").append("%032d".formatted(i))
                    .append("\",\"number\":\"").append(numbers[i]).append("\",\"state\":\"1\"}");
        }
        return body.append("]}").toString();
    }

    /** A Link header with first, prev, next, last; a negative offset leaves that relation out. */
    private String links(int first, int last, int next, int prev) {
        StringBuilder link = new StringBuilder(url(first) + ";rel=\"first\"");
        link.append(",").append(url(prev)).append(";rel=\"prev\"");
        if (next >= 0) {
            link.append(",").append(url(next)).append(";rel=\"next\"");
        }
        return link.append(",").append(url(last)).append(";rel=\"last\"").toString();
    }

    private String url(int offset) {
        return "<" + wireMock.baseUrl() + "/api/now/table/incident?sysparm_query=company%3D8c1d3e5f7a9b4c2d6e8f0a1b3c5d7e9f"
                + "%5Eactive%3Dtrue%5EORDERBYDESCsys_updated_on&sysparm_fields=" + String.join(",", FIELDS)
                + "&sysparm_exclude_reference_link=true&sysparm_limit=2&sysparm_offset=" + offset + ">";
    }
}
