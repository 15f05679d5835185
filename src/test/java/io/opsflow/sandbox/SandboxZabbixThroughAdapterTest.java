package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.handover.MonitoringChange;
import io.opsflow.handover.MonitoringChange.Action;
import io.opsflow.handover.MonitoringItem;
import io.opsflow.handover.MonitoringItemsList;
import io.opsflow.retry.PermanentFault;
import io.opsflow.zabbix.ZabbixException;
import io.opsflow.zabbix.ZabbixMonitoring;

/**
 * On a fresh clone the Zabbix adapter applies the demo customer's monitoring items list
 * (docs/samples/monitoring-items-demo.csv) to the simulated Zabbix over HTTP, and a second apply writes nothing.
 */
@OpsflowSpringTest
class SandboxZabbixThroughAdapterTest {

    @Autowired
    ZabbixMonitoring zabbix;
    @Autowired
    CustomerRegistry customers;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void theDemoListsZabbixItemIsAppliedOnceAndThenFoundAsDesigned() throws Exception {
        Customer demo = customers.find(SandboxDemo.CUSTOMER_ID).orElseThrow();
        List<MonitoringItem> items = MonitoringItemsList.parse(Files.readAllBytes(Path.of("docs/samples/monitoring-items-demo.csv")),
                "monitoring-items-demo.csv").items();
        assertThat(zabbix.reachable(demo)).isTrue();

        List<MonitoringChange> first = zabbix.apply(demo, items);
        assertThat(first).extracting(MonitoringChange::type, MonitoringChange::name, MonitoringChange::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zabbixItem", "demo-file01:vfs.fs.size[D:,pused]", Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("zabbixTrigger", "ファイルサーバー D ドライブ使用率", Action.CREATE));

        assertThat(zabbix.plan(demo, items)).noneMatch(MonitoringChange::pending);
        assertThat(zabbix.apply(demo, items)).extracting(MonitoringChange::action).containsOnly(Action.UNCHANGED);

        JsonNode triggers = rpc("""
                {"jsonrpc":"2.0","method":"trigger.get","params":{"output":"extend","hostids":["10501"],
                "tags":[{"tag":"opsflow-customer","value":"demo","operator":1}]},"auth":"any","id":7}""");
        assertThat(triggers.path("id").asInt()).isEqualTo(7);
        assertThat(triggers.path("result")).hasSize(1);
        assertThat(triggers.at("/result/0/expression").asText()).isEqualTo("last(/demo-file01/vfs.fs.size[D:,pused])>=90");
        assertThat(triggers.at("/result/0/priority").asText()).isEqualTo("3");
    }

    @Test
    void aHostTheSimulatedZabbixDoesNotHaveIsAPermanentFault() {
        Customer demo = customers.find(SandboxDemo.CUSTOMER_ID).orElseThrow();
        byte[] list = """
                監視項目,対象,種別,条件,閾値,重要度
                不明ホスト CPU,"demo-nowhere:system.cpu.load[all,avg1]",Zabbix,>,5,重大
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        MonitoringItemsList parsed = MonitoringItemsList.parse(list, "unknown-host.csv");
        assertThat(parsed.problems()).isEmpty();

        assertThatThrownBy(() -> zabbix.plan(demo, parsed.items()))
                .isInstanceOf(ZabbixException.class).hasMessageContaining("demo-nowhere").hasMessageContaining("不明ホスト CPU")
                .matches(PermanentFault::isPermanent);
    }

    @Test
    void theSimulatorRefusesAsZabbixDoes() throws Exception {
        JsonNode version = rpc("""
                {"jsonrpc":"2.0","method":"apiinfo.version","params":[],"id":1}""");
        assertThat(version.path("result").asText()).isEqualTo("6.0.36");
        JsonNode unauthorized = rpc("""
                {"jsonrpc":"2.0","method":"host.get","params":{},"id":1}""");
        assertThat(unauthorized.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(unauthorized.path("error").path("data").asText()).isEqualTo("Not authorized.");

        JsonNode unknown = rpc("""
                {"jsonrpc":"2.0","method":"hosts.get","params":{},"auth":"any","id":1}""");
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32601);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> notJson = rest.postForEntity(SimulatedZabbix.PREFIX + "/api_jsonrpc.php",
                new HttpEntity<>("{}", headers), String.class);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    private JsonNode rpc(String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/json-rpc"));
        ResponseEntity<String> answer = rest.postForEntity(SimulatedZabbix.PREFIX + "/api_jsonrpc.php", new HttpEntity<>(body, headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }
}
