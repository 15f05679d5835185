package io.opsflow.report;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.opsflow.api.InvalidInputException;
import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.MonitorReadingWireMockTest;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * A month's service figures collected from a WireMock Azure speaking the documented shapes (Resource
 * Graph with {@code $skipToken}, Resource Health with {@code nextLink}, Metrics 2023-10-01, the ARM
 * workspace query route 2017-10-01), with known answers, kept in the V8 tables and replaced on
 * re-collection. November 2026 in Tokyo is 2026-10-31T15:00Z to 2026-11-30T15:00Z, 720 hours.
 */
class ServiceFigureCollectionTest extends MonitorReadingWireMockTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String FROM = "2026-10-31T15:00:00Z";
    static final String TO = "2026-11-30T15:00:00Z";
    static final String PROD = "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/rg-acme-prod/providers/";
    static final String VM_WEB = PROD + "Microsoft.Compute/virtualMachines/vm-acme-web01";
    static final String VM_DB = PROD + "Microsoft.Compute/virtualMachines/vm-acme-db01";
    static final String APP = PROD + "Microsoft.Web/sites/app-acme-shop";
    static final String SQL = PROD + "Microsoft.Sql/servers/sql-acme/databases/sales";
    static final String SQL_VCORE = PROD + "Microsoft.Sql/servers/sql-acme/databases/sales-vcore";
    static final String POOL = PROD + "Microsoft.DesktopVirtualization/hostPools/hp-acme";
    static final String WORKSPACE = "/subscriptions/" + SUBSCRIPTION_ID
            + "/resourceGroups/rg-acme-ops/providers/Microsoft.OperationalInsights/workspaces/log-acme";
    static final String GRAPH = "/providers/Microsoft.ResourceGraph/resources";
    static final String HEALTH = "/providers/Microsoft.ResourceHealth/availabilityStatuses";
    static final String METRICS = "/providers/Microsoft.Insights/metrics";

    ServiceFigureStore store;
    ServiceFigureCollection collection;

    @BeforeEach
    void wire() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:service-figures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V8__service_figures.sql")).execute(dataSource);
        store = new ServiceFigureStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
        CustomerRegistry customers = mock(CustomerRegistry.class);
        when(customers.find("acme")).thenReturn(Optional.of(customer()));
        when(customers.find("no-azure")).thenReturn(Optional.of(new Customer("no-azure", "No Azure", "en", null, null, null, null,
                Map.of(), null)));
        collection = new ServiceFigureCollection(customers, inventory(), metrics(), health(), logs(), store, ZoneId.of("Asia/Tokyo"),
                Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void collectsEveryKindOfResourceWithKnownAnswers() {
        stubTheWholeEstate();

        collection.collect("acme", NOVEMBER);

        MonthlyReport.Services services = store.read("acme", NOVEMBER);
        assertThat(services.collected()).isTrue();
        assertThat(services.collectedAt()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(services.resources()).extracting(MonthlyReport.ServiceResource::name)
                .containsExactly("app-acme-shop", "hp-acme", "sales", "sales-vcore", "vm-acme-db01", "vm-acme-web01");
        Map<String, MonthlyReport.ServiceResource> byName = new java.util.HashMap<>();
        services.resources().forEach(r -> byName.put(r.name(), r));

        MonthlyReport.ServiceResource web = byName.get("vm-acme-web01");
        assertThat(web.kind()).isEqualTo("virtualMachine");
        assertThat(web.availabilitySource()).isEqualTo("resourceHealth");
        assertThat(web.figures().get("availability")).as("6 of 720 hours Unavailable").isCloseTo(714.0 / 720, within());
        assertThat(web.figures().get("cpuP95")).as("nearest rank of 20 hourly averages: the 19th").isEqualTo(19.0);

        MonthlyReport.ServiceResource db = byName.get("vm-acme-db01");
        assertThat(db.availabilitySource()).as("Resource Health answered 404: the heartbeat").isEqualTo("heartbeat");
        assertThat(db.figures().get("availability")).as("360 of 720 hours with a heartbeat").isEqualTo(0.5);
        assertThat(db.figures()).containsEntry("cpuP95", null);

        MonthlyReport.ServiceResource app = byName.get("app-acme-shop");
        assertThat(app.figures()).containsEntry("availability", null).containsEntry("requests", 600.0).containsEntry("http5xx", 6.0);
        assertThat(app.figures().get("http5xxRate")).isCloseTo(0.01, within());
        assertThat(app.availabilitySource()).isNull();
        assertThat(app.figures().keySet()).containsExactly("availability", "requests", "http5xx", "http5xxRate");

        MonthlyReport.ServiceResource sql = byName.get("sales");
        assertThat(sql.figures()).as("empty timeseries: no data, not 0").containsEntry("dtuPeak", null).containsEntry("cpuPeak", 80.25)
                .containsEntry("availability", null);

        assertThat(byName.get("sales-vcore").figures()).as("a vCore database defines no DTU metric: not asked for")
                .containsEntry("dtuPeak", null).containsEntry("cpuPeak", 12.5);

        MonthlyReport.ServiceResource pool = byName.get("hp-acme");
        assertThat(pool.figures()).containsEntry("sessions", 42.0).containsEntry("distinctUsers", 7.0);

        verifyTheExactRequests();
    }

    @Test
    void aThrottleLongerThanTheBoundPropagatesAndTheMonthKeepsWhatItHad() {
        store.replace("acme", NOVEMBER, Instant.parse("2026-12-01T01:00:00Z"), List.of());
        stubTheWholeEstate();
        wireMock().stubFor(get(urlPathEqualTo(SQL + METRICS)).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "600").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}")));

        assertThatThrownBy(() -> collection.collect("acme", NOVEMBER)).isInstanceOf(ArmThrottledException.class)
                .satisfies(e -> assertThat(((ArmThrottledException) e).retryAfter()).isEqualTo(Duration.ofSeconds(600)));

        MonthlyReport.Services kept = store.read("acme", NOVEMBER);
        assertThat(kept.collectedAt()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(kept.resources()).isEmpty();
    }

    @Test
    void reCollectingAMonthReplacesIt() {
        stubTheWholeEstate();
        collection.collect("acme", NOVEMBER);
        wireMock().stubFor(post(urlPathEqualTo(GRAPH)).atPriority(1).willReturn(okJson(graphPage(null, row(VM_WEB)))));

        collection.collect("acme", NOVEMBER);

        assertThat(store.read("acme", NOVEMBER).resources()).extracting(MonthlyReport.ServiceResource::name)
                .containsExactly("vm-acme-web01");
    }

    @Test
    void aCustomerWithoutSubscriptionsIsCollectedWithNoResourceAndNoCall() {
        collection.collect("no-azure", NOVEMBER);

        assertThat(store.read("no-azure", NOVEMBER)).satisfies(s -> {
            assertThat(s.collected()).isTrue();
            assertThat(s.resources()).isEmpty();
        });
        assertThat(store.read("no-azure", NOVEMBER.minusMonths(1))).isEqualTo(MonthlyReport.Services.NOT_COLLECTED);
        wireMock().verify(0, postRequestedFor(urlPathEqualTo(GRAPH)));
    }

    @Test
    void aMonthThatHasNotStartedIsRefused() {
        assertThatThrownBy(() -> collection.collect("acme", YearMonth.of(2027, 1))).isInstanceOf(InvalidInputException.class);
    }

    private void stubTheWholeEstate() {
        ServiceFigureStubs stubs = new ServiceFigureStubs(wireMock(), armBaseUrl());
        wireMock().stubFor(post(urlPathEqualTo(GRAPH)).withRequestBody(matchingJsonPath("$.options['$skipToken']", absent()))
                .willReturn(okJson(graphPage("c2tpcC0x", row(APP), row(POOL), row(SQL), row(VM_DB)))));
        wireMock().stubFor(post(urlPathEqualTo(GRAPH)).withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo("c2tpcC0x")))
                .willReturn(okJson(graphPage(null, row(SQL_VCORE), row(VM_WEB), row(WORKSPACE)))));
        stubs.healthInTwoPages(VM_WEB, "2026-11-10T06:00:00Z", "2026-11-10T00:00:00Z", "2026-10-20T00:00:00Z");
        stubs.notFound(VM_DB + HEALTH);
        stubs.notFound(VM_DB + METRICS);
        stubs.notFound(SQL + HEALTH);
        wireMock().stubFor(get(urlPathEqualTo(APP + HEALTH)).willReturn(okJson("{\"value\":[]}")));
        stubs.cpuOfTwentyHoursBehindA429(VM_WEB);
        stubs.metric(APP, "Requests", "total", 100, 200, 300);
        stubs.metric(APP, "Http5xx", "total", 6);
        stubs.definitions(SQL, "cpu_percent", "dtu_consumption_percent", "storage_percent");
        stubs.metric(SQL, "dtu_consumption_percent", "maximum");
        stubs.notFound(SQL_VCORE + HEALTH);
        stubs.definitions(SQL_VCORE, "cpu_percent", "storage_percent");
        stubs.metric(SQL_VCORE, "cpu_percent", "maximum", 12.5);
        stubs.metric(SQL, "cpu_percent", "maximum", 35.5, 80.25);
        stubs.query(WORKSPACE, "Heartbeat", List.of("resourceId", "hours"), List.of(List.of(VM_DB.toLowerCase(), "360")));
        stubs.query(WORKSPACE, "WVDConnections", List.of("hostPool", "sessions", "users"), List.of(List.of(POOL.toLowerCase(), 42, 7)));
    }

    private void verifyTheExactRequests() {
        wireMock().verify(2, postRequestedFor(urlPathEqualTo(GRAPH)).withQueryParam("api-version", equalTo("2024-04-01")));
        wireMock().verify(postRequestedFor(urlPathEqualTo(GRAPH))
                .withRequestBody(equalToJson("{\"subscriptions\":[\"" + SUBSCRIPTION_ID + "\"],\"options\":{\"$top\":1000,"
                        + "\"resultFormat\":\"objectArray\",\"$skipToken\":\"c2tpcC0x\"}}", false, true))
                .withRequestBody(matchingJsonPath("$.query", containing("order by id asc")))
                .withRequestBody(matchingJsonPath("$.query", containing("'microsoft.desktopvirtualization/hostpools'"))));
        wireMock().verify(2, getRequestedFor(urlPathEqualTo(VM_WEB + METRICS)).withQueryParam("api-version", equalTo("2023-10-01"))
                .withQueryParam("metricnames", equalTo("Percentage CPU")).withQueryParam("timespan", equalTo(FROM + "/" + TO))
                .withQueryParam("interval", equalTo("PT1H")).withQueryParam("aggregation", equalTo("Average"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wireMock().verify(getRequestedFor(urlPathEqualTo(SQL + METRICS)).withQueryParam("metricnames", equalTo("cpu_percent"))
                .withQueryParam("aggregation", equalTo("Maximum")));
        wireMock().verify(0, getRequestedFor(urlPathEqualTo(SQL_VCORE + METRICS)).withQueryParam("metricnames", equalTo("dtu_consumption_percent")));
        wireMock().verify(getRequestedFor(urlPathEqualTo(SQL + "/providers/Microsoft.Insights/metricDefinitions"))
                .withQueryParam("api-version", equalTo("2023-10-01")));
        wireMock().verify(2, getRequestedFor(urlPathEqualTo(VM_WEB + HEALTH)).withQueryParam("api-version", equalTo("2025-04-01")));
        wireMock().verify(1, postRequestedFor(urlPathEqualTo(WORKSPACE + "/query")).withQueryParam("api-version", equalTo("2017-10-01"))
                .withRequestBody(matchingJsonPath("$.timespan", equalTo(FROM + "/" + TO)))
                .withRequestBody(matchingJsonPath("$.query", containing("Heartbeat"))));
        wireMock().verify(1, postRequestedFor(urlPathEqualTo(WORKSPACE + "/query"))
                .withRequestBody(matchingJsonPath("$.query", containing("count_distinct(UserName)"))));
    }

    private static String row(String id) {
        String[] segments = id.split("/");
        String type = id.contains("virtualMachines") ? "microsoft.compute/virtualmachines" : id.contains("sites")
                ? "microsoft.web/sites" : id.contains("databases") ? "microsoft.sql/servers/databases" : id.contains("hostPools")
                ? "microsoft.desktopvirtualization/hostpools" : "microsoft.operationalinsights/workspaces";
        return "{\"id\":\"" + id + "\",\"name\":\"" + segments[segments.length - 1] + "\",\"type\":\"" + type + "\"}";
    }

    private static String graphPage(String skipToken, String... rows) {
        return "{\"totalRecords\":6,\"count\":" + rows.length + ",\"resultTruncated\":\"false\","
                + (skipToken == null ? "" : "\"$skipToken\":\"" + skipToken + "\",") + "\"data\":[" + String.join(",", rows)
                + "],\"facets\":[]}";
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
