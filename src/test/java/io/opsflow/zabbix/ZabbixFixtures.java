package io.opsflow.zabbix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.customer.Customer;
import io.opsflow.handover.ComparisonOperator;
import io.opsflow.handover.Evaluation;
import io.opsflow.handover.MonitoringItem;
import io.opsflow.handover.MonitoringKind;
import io.opsflow.handover.MonitoringTarget;
import io.opsflow.handover.Notification;
import io.opsflow.handover.Severity;
import io.opsflow.handover.Threshold;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

/**
 * The example exchanges of {@code src/test/resources/zabbix-api/} (a Zabbix 6.0, which takes the token as the
 * request's {@code auth} member) and the demo customer's items.
 */
final class ZabbixFixtures {

    static final String TOKEN = "zabbix-api-token-test";
    static final String DISK = "ファイルサーバー D ドライブ使用率";
    static final ZabbixProperties PROPERTIES = new ZabbixProperties(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMinutes(1), new ZabbixProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)));
    static final Customer DEMO = new Customer("demo", "デモ株式会社", "ja", null, null,
            new Customer.Zabbix(List.of("Demo/Production"), "OPSFLOW_DEMO_ZABBIX_TOKEN", "https://zabbix.demo.example.jp/zabbix",
                    "OPSFLOW_DEMO_ZABBIX_API_TOKEN"), null, null, null);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZabbixFixtures() {
    }

    static JsonNode exchange(String file) {
        try (InputStream in = ZabbixFixtures.class.getResourceAsStream("/zabbix-api/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String request(String file) {
        return exchange(file).path("request").toString();
    }

    static String response(String file) {
        return exchange(file).path("response").toString();
    }

    static ZabbixMonitoring monitoring(String baseUrl, Timing timing) {
        ZabbixEndpoint endpoint = new ZabbixEndpoint() {
            @Override
            public String apiUrl(Customer customer) {
                return baseUrl;
            }

            @Override
            public String token(Customer customer) {
                return TOKEN;
            }
        };
        return new ZabbixMonitoring(new ZabbixApi(new OutboundClient(WebClient.builder(), PROPERTIES, timing), endpoint,
                Clock.systemUTC()), PROPERTIES);
    }

    /** The Zabbix row of docs/samples/monitoring-items-demo.csv, with another threshold where asked. */
    static MonitoringItem disk(String threshold) {
        return zabbix(9, DISK, "demo-file01", "vfs.fs.size[D:,pused]", ComparisonOperator.GREATER_THAN_OR_EQUAL,
                threshold, Severity.SEV2, new Evaluation(Duration.ofMinutes(1), Duration.ofMinutes(1)),
                "https://wiki.demo.example.jp/ops/zabbix-disk");
    }

    static MonitoringItem zabbix(int row, String name, String host, String key, ComparisonOperator operator, String threshold,
                                 Severity severity, Evaluation evaluation, String procedure) {
        return new MonitoringItem(row, name, MonitoringKind.ZABBIX, new MonitoringTarget.ZabbixItem(host, key), "", null,
                operator, new Threshold(new BigDecimal(threshold), Threshold.Unit.PERCENT), severity, evaluation,
                Notification.INCIDENT, null, procedure == null ? null : URI.create(procedure),
                new MonitoringItem.Cell(row, "対象"), new MonitoringItem.Cell(row, "条件"));
    }

    /** An Azure item in the same list: not Zabbix's to apply. */
    static MonitoringItem azureMetric() {
        return new MonitoringItem(2, "Web01 CPU使用率", MonitoringKind.METRIC, new MonitoringTarget.AzureScope(
                "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-demo-prod/providers/Microsoft.Compute/virtualMachines/vm-demo-web01",
                "00000000-0000-4000-8000-000000000001", "Microsoft.Compute/virtualMachines"), "Percentage CPU", null,
                ComparisonOperator.GREATER_THAN, new Threshold(new BigDecimal("90"), Threshold.Unit.PERCENT), Severity.SEV2, null,
                Notification.INCIDENT, null, null, new MonitoringItem.Cell(2, "対象"), new MonitoringItem.Cell(2, "条件"));
    }
}
