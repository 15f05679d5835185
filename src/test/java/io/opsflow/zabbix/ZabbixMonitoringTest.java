package io.opsflow.zabbix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opsflow.zabbix.ZabbixFixtures.DEMO;
import static io.opsflow.zabbix.ZabbixFixtures.DISK;
import static io.opsflow.zabbix.ZabbixFixtures.TOKEN;
import static io.opsflow.zabbix.ZabbixFixtures.request;
import static io.opsflow.zabbix.ZabbixFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.opsflow.customer.Customer;
import io.opsflow.handover.MonitoringChange;
import io.opsflow.handover.MonitoringChange.Action;
import io.opsflow.handover.MonitoringItem;
import io.opsflow.outbound.VirtualTime;
import io.opsflow.retry.PermanentFault;

/** The Zabbix side of applying a design, against WireMock answering the exchanges of {@code zabbix-api/}. */
class ZabbixMonitoringTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String API = "/zabbix/api_jsonrpc.php";

    private final VirtualTime time = new VirtualTime();
    private final ZabbixMonitoring zabbix = ZabbixFixtures.monitoring(wireMock.baseUrl() + "/zabbix", time);
    private final List<MonitoringItem> items = List.of(ZabbixFixtures.azureMetric(), ZabbixFixtures.disk("90"));

    /** Answers the method with the exchange file's response. */
    private static void answer(String method, String file) {
        wireMock.stubFor(post(urlPathEqualTo(API)).withRequestBody(matchingJsonPath("$.method", equalTo(method)))
                .willReturn(okJson(response(file))));
    }

    private static RequestPatternBuilder call(String method) {
        return postRequestedFor(urlPathEqualTo(API)).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
    }

    /** The request of the exchange file, as a Zabbix 6.0 takes it: the token in the body, no Authorization header. */
    private static RequestPatternBuilder exactly(String file) {
        return postRequestedFor(urlPathEqualTo(API)).withHeader("Content-Type", equalTo("application/json-rpc"))
                .withoutHeader("Authorization").withRequestBody(equalToJson(request(file)));
    }

    @BeforeEach
    void zabbix60() {
        answer("apiinfo.version", "apiinfo-version.json");
    }

    private static void verifyNoWrites() {
        for (String method : List.of("item.create", "item.update", "trigger.create", "trigger.update")) {
            wireMock.verify(0, call(method));
        }
    }

    @Test
    void aNewItemAndItsTriggerAreCreatedWithTheDesignsValuesAndTheJapaneseNameInTheTags() {
        answer("host.get", "host-get.json");
        answer("item.get", "item-get-none.json");
        answer("trigger.get", "trigger-get-none.json");
        answer("item.create", "item-create.json");
        answer("trigger.create", "trigger-create.json");

        List<MonitoringChange> changes = zabbix.apply(DEMO, items);

        assertThat(changes).containsExactly(
                new MonitoringChange("zabbix", "zabbixItem", "demo-file01:vfs.fs.size[D:,pused]", DISK, Action.CREATE, List.of()),
                new MonitoringChange("zabbix", "zabbixTrigger", DISK, DISK, Action.CREATE, List.of()));
        // The version is asked once; it says how the token goes (6.0: in the body).
        wireMock.verify(1, exactly("apiinfo-version.json"));
        wireMock.verify(1, exactly("host-get.json"));
        wireMock.verify(1, exactly("item-get-none.json"));
        wireMock.verify(1, exactly("trigger-get-none.json"));
        wireMock.verify(1, exactly("item-create.json"));
        wireMock.verify(1, exactly("trigger-create.json"));
        // The Japanese name reaches Zabbix as UTF-8 text, not escaped away.
        String sent = new String(wireMock.findAll(call("trigger.create")).get(0).getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sent).contains("{\"tag\":\"opsflow-item\",\"value\":\"" + DISK + "\"}");
        // The item is created before the trigger whose expression names it (WireMock lists the newest first).
        List<String> newestFirst = wireMock.getAllServeEvents().stream()
                .map(e -> e.getRequest().getBodyAsString().replaceAll(".*\"method\":\"([a-z.]+)\".*", "$1")).toList();
        assertThat(newestFirst.indexOf("item.create")).isGreaterThan(newestFirst.indexOf("trigger.create"));
    }

    @Test
    void reApplyingTheSameItemsFindsThemAsDesignedAndWritesNothing() {
        answer("host.get", "host-get.json");
        answer("item.get", "item-get-found.json");
        answer("trigger.get", "trigger-get-found.json");

        List<MonitoringChange> changes = zabbix.apply(DEMO, items);

        assertThat(changes).extracting(MonitoringChange::action).containsExactly(Action.UNCHANGED, Action.UNCHANGED);
        assertThat(changes).noneMatch(MonitoringChange::pending);
        verifyNoWrites();
    }

    @Test
    void aChangedThresholdIsPlannedAsATriggerUpdateAndAppliedAsOne() {
        answer("host.get", "host-get.json");
        answer("item.get", "item-get-found.json");
        answer("trigger.get", "trigger-get-found.json");
        answer("trigger.update", "trigger-update.json");
        List<MonitoringItem> raised = List.of(ZabbixFixtures.disk("95"));

        List<MonitoringChange> plan = zabbix.plan(DEMO, raised);

        assertThat(plan).containsExactly(
                new MonitoringChange("zabbix", "zabbixItem", "demo-file01:vfs.fs.size[D:,pused]", DISK, Action.UNCHANGED, List.of()),
                new MonitoringChange("zabbix", "zabbixTrigger", DISK, DISK, Action.UPDATE, List.of(
                        "expression: last(/demo-file01/vfs.fs.size[D:,pused])>=90 → last(/demo-file01/vfs.fs.size[D:,pused])>=95")));
        verifyNoWrites();

        zabbix.apply(DEMO, raised);

        wireMock.verify(1, exactly("trigger-update.json"));
        wireMock.verify(0, call("item.update"));
        wireMock.verify(0, call("trigger.create"));
    }

    @Test
    void aChangedFrequencyUpdatesTheItemButAnInheritedItemIsTheTemplatesAndLeftAlone() {
        answer("host.get", "host-get.json");
        answer("trigger.get", "trigger-get-found.json");
        wireMock.stubFor(post(urlPathEqualTo(API)).withRequestBody(matchingJsonPath("$.method", equalTo("item.get")))
                .willReturn(okJson(response("item-get-found.json").replace("\"delay\":\"1m\"", "\"delay\":\"300s\""))));
        answer("item.update", "item-create.json");

        List<MonitoringChange> changes = zabbix.apply(DEMO, List.of(ZabbixFixtures.disk("90")));

        assertThat(changes.get(0).action()).isEqualTo(Action.UPDATE);
        assertThat(changes.get(0).differences()).containsExactly("delay: 300s → 1m");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(API)).withRequestBody(equalToJson("""
                {"jsonrpc":"2.0","method":"item.update","params":{"itemid":"45210","name":"%s","delay":"1m"},"auth":"%s","id":1}"""
                .formatted(DISK, TOKEN))));

        wireMock.resetAll();
        zabbix60();
        answer("host.get", "host-get.json");
        answer("trigger.get", "trigger-get-found.json");
        wireMock.stubFor(post(urlPathEqualTo(API)).withRequestBody(matchingJsonPath("$.method", equalTo("item.get")))
                .willReturn(okJson(response("item-get-found.json").replace("\"delay\":\"1m\"", "\"delay\":\"300s\"")
                        .replace("\"templateid\":\"0\"", "\"templateid\":\"23661\""))));

        assertThat(zabbix.apply(DEMO, List.of(ZabbixFixtures.disk("90")))).noneMatch(MonitoringChange::pending);
        verifyNoWrites();
    }

    @Test
    void anUnknownHostIsAPermanentFaultNamingHostAndItemAndNothingIsWritten() {
        answer("host.get", "host-get-unknown.json");
        MonitoringItem elsewhere = ZabbixFixtures.zabbix(12, "ファイルサーバー9 CPU", "demo-file09", "system.cpu.load[all,avg1]",
                io.opsflow.handover.ComparisonOperator.GREATER_THAN, "5", io.opsflow.handover.Severity.SEV1, null, null);

        assertThatThrownBy(() -> zabbix.apply(DEMO, List.of(elsewhere)))
                .isInstanceOf(ZabbixException.class)
                .hasMessageContaining("'demo-file09'").hasMessageContaining("'ファイルサーバー9 CPU'").hasMessageContaining("row 12")
                .matches(PermanentFault::isPermanent);
        wireMock.verify(1, exactly("host-get-unknown.json"));
        verifyNoWrites();
    }

    @Test
    void aJsonRpcErrorIsAPermanentFaultWithZabbixsWordsAndAServerErrorIsRetriedThenTransient() {
        answer("host.get", "host-get.json");
        answer("item.get", "item-get-none.json");
        answer("trigger.get", "trigger-get-none.json");
        answer("item.create", "error-invalid-params.json");

        assertThatThrownBy(() -> zabbix.apply(DEMO, items))
                .isInstanceOf(ZabbixException.class)
                .hasMessageContaining("item.create for customer demo refused: [-32602] Invalid params.")
                .hasMessageContaining("already exists on the host \"demo-file01\"")
                .hasMessageNotContaining(TOKEN)
                .matches(PermanentFault::isPermanent)
                .satisfies(e -> assertThat(((ZabbixException) e).code()).isEqualTo(-32602));
        wireMock.verify(1, call("item.create"));
        wireMock.verify(0, call("trigger.create"));

        wireMock.resetAll();
        zabbix60();
        wireMock.stubFor(post(urlPathEqualTo(API)).withRequestBody(matchingJsonPath("$.method", equalTo("host.get")))
                .willReturn(aResponse().withStatus(503).withBody("<html>maintenance</html>")));

        assertThatThrownBy(() -> zabbix.plan(DEMO, items))
                .isInstanceOf(ZabbixException.class).hasMessageContaining("HTTP 503")
                .matches(e -> !PermanentFault.isPermanent(e));
        wireMock.verify(3, call("host.get"));
    }

    @Test
    void fromZabbix64TheTokenIsABearerHeaderAndBefore54ThereIsNoToken() {
        ZabbixMonitoring zabbix70 = ZabbixFixtures.monitoring(wireMock.baseUrl() + "/zabbix70", time);
        String api70 = "/zabbix70/api_jsonrpc.php";
        wireMock.stubFor(post(urlPathEqualTo(api70)).withRequestBody(matchingJsonPath("$.method", equalTo("apiinfo.version")))
                .willReturn(okJson("{\"jsonrpc\":\"2.0\",\"result\":\"7.0.5\",\"id\":1}")));
        wireMock.stubFor(post(urlPathEqualTo(api70)).withRequestBody(matchingJsonPath("$.method", equalTo("host.get")))
                .willReturn(okJson(response("host-get.json"))));
        wireMock.stubFor(post(urlPathEqualTo(api70)).withRequestBody(matchingJsonPath("$.method", equalTo("item.get")))
                .willReturn(okJson(response("item-get-found.json"))));
        wireMock.stubFor(post(urlPathEqualTo(api70)).withRequestBody(matchingJsonPath("$.method", equalTo("trigger.get")))
                .willReturn(okJson(response("trigger-get-found.json"))));

        assertThat(zabbix70.plan(DEMO, items)).noneMatch(MonitoringChange::pending);

        String hostGet = ZabbixFixtures.exchange("host-get.json").path("request").deepCopy()
                .<com.fasterxml.jackson.databind.node.ObjectNode>require().without("auth").toString();
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(api70)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(hostGet)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(api70)).withRequestBody(matchingJsonPath("$.auth")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(api70)).withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.method", equalTo("apiinfo.version"))));

        ZabbixMonitoring zabbix50 = ZabbixFixtures.monitoring(wireMock.baseUrl() + "/zabbix50", time);
        wireMock.stubFor(post(urlPathEqualTo("/zabbix50/api_jsonrpc.php"))
                .willReturn(okJson("{\"jsonrpc\":\"2.0\",\"result\":\"5.0.42\",\"id\":1}")));
        assertThatThrownBy(() -> zabbix50.apply(DEMO, items)).isInstanceOf(ZabbixException.class)
                .hasMessageContaining("Zabbix 5.0.42 has no API tokens").matches(PermanentFault::isPermanent);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/zabbix50/api_jsonrpc.php")));
    }

    @Test
    void reachableWhereTheRegistryNamesAnApi() {
        assertThat(zabbix.reachable(DEMO)).isTrue();
        assertThat(zabbix.reachable(new Customer("old", "Old", "ja", null, null,
                new Customer.Zabbix(List.of("Old/Production"), "OLD_ZABBIX_TOKEN"), null, null, null))).isFalse();
        Customer azureOnly = new Customer("none", "None", "ja", null, null, null, null, null, null);
        assertThat(zabbix.reachable(azureOnly)).isFalse();
        // A list without Zabbix rows asks no Zabbix anything, reachable or not.
        assertThat(zabbix.plan(azureOnly, List.of(ZabbixFixtures.azureMetric()))).isEmpty();
        assertThat(zabbix.apply(azureOnly, List.of(ZabbixFixtures.azureMetric()))).isEmpty();
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(API)));
    }
}
