package io.opsflow.zabbix;

import static io.opsflow.zabbix.ZabbixFixtures.DEMO;
import static io.opsflow.zabbix.ZabbixFixtures.DISK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.opsflow.customer.Customer;
import io.opsflow.handover.ComparisonOperator;
import io.opsflow.handover.Evaluation;
import io.opsflow.handover.Severity;
import io.opsflow.outbound.VirtualTime;

/** The Zabbix 3.0 import file, parsed back as Zabbix 3.0's importer reads it. */
class ZabbixImportFileTest {

    /** Never called: the import file is written without the API. */
    private final ZabbixMonitoring zabbix = ZabbixFixtures.monitoring("http://localhost:9", new VirtualTime());

    private static final Customer OFFLINE = new Customer("acme", "ACME", "en", null, null,
            new Customer.Zabbix(List.of("ACME/Production", "ACME/Staging"), "ACME_ZABBIX_TOKEN"), null, null, null);

    @Test
    void itemsAndTriggersOfTheZabbixRowsIn30Syntax() throws Exception {
        byte[] file = zabbix.importFile3_0(DEMO, List.of(ZabbixFixtures.azureMetric(), ZabbixFixtures.disk("90"),
                ZabbixFixtures.zabbix(10, "Web01 ロードアベレージ", "web01", "system.cpu.load[all,avg1]", ComparisonOperator.GREATER_THAN,
                        "5", Severity.SEV1, new Evaluation(Duration.ofMinutes(1), Duration.ofMinutes(5)), null),
                ZabbixFixtures.zabbix(11, "Web01 ロードアベレージ 致命的", "web01", "system.cpu.load[all,avg1]",
                        ComparisonOperator.GREATER_THAN_OR_EQUAL, "20.50", Severity.SEV0, null, null)));
        // Left in the build output for a look (and a trial import into a 3.0 server).
        java.nio.file.Files.write(java.nio.file.Path.of("target/zabbix-3.0-import-demo.xml"), file);
        XPath x = XPathFactory.newInstance().newXPath();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(file));

        assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"").contains(DISK);
        assertThat(x.evaluate("/zabbix_export/version", doc)).isEqualTo("3.0");
        assertThat(x.evaluate("/zabbix_export/date", doc)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(x.evaluate("/zabbix_export/groups/group/name", doc)).isEqualTo("Templates");
        // One template per host, which the operator links to it: no host is changed by the import itself.
        assertThat(x.evaluate("count(/zabbix_export/hosts)", doc)).isEqualTo("0");
        assertThat(x.evaluate("count(/zabbix_export/templates/template)", doc)).isEqualTo("2");
        String file01 = "/zabbix_export/templates/template[1]";
        assertThat(x.evaluate(file01 + "/template", doc)).isEqualTo("opsflow demo demo-file01");
        assertThat(x.evaluate(file01 + "/name", doc)).isEqualTo("opsflow demo demo-file01");
        assertThat(x.evaluate(file01 + "/description", doc)).contains("「demo-file01」にリンク");
        assertThat(x.evaluate(file01 + "/groups/group/name", doc)).isEqualTo("Templates");
        assertThat(x.evaluate(file01 + "/items/item/key", doc)).isEqualTo("vfs.fs.size[D:,pused]");
        assertThat(x.evaluate(file01 + "/items/item/name", doc)).isEqualTo(DISK);
        assertThat(x.evaluate(file01 + "/items/item/delay", doc)).isEqualTo("60");
        assertThat(x.evaluate(file01 + "/items/item/type", doc)).isEqualTo("7");
        assertThat(x.evaluate(file01 + "/items/item/value_type", doc)).isEqualTo("0");
        // The tags 3.0's importer requires of an item are all there.
        for (String tag : List.of("snmp_community", "multiplier", "snmp_oid", "history", "trends", "status", "allowed_hosts", "units",
                "delta", "snmpv3_securityname", "snmpv3_securitylevel", "snmpv3_authpassphrase", "snmpv3_privpassphrase", "formula",
                "delay_flex", "params", "ipmi_sensor", "data_type", "authtype", "username", "password", "publickey", "privatekey",
                "port", "description", "inventory_link", "applications", "valuemap")) {
            assertThat(x.evaluate("count(" + file01 + "/items/item/" + tag + ")", doc)).as(tag).isEqualTo("1");
        }
        // Two thresholds on one item: one item, two triggers. Without a frequency the item has the default interval.
        assertThat(x.evaluate("count(/zabbix_export/templates/template[2]/items/item)", doc)).isEqualTo("1");
        assertThat(x.evaluate("/zabbix_export/templates/template[2]/items/item/delay", doc)).isEqualTo("60");

        assertThat(x.evaluate("count(/zabbix_export/triggers/trigger)", doc)).isEqualTo("3");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[1]/expression", doc))
                .isEqualTo("{opsflow demo demo-file01:vfs.fs.size[D:,pused].last()}>=90");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[1]/name", doc)).isEqualTo(DISK);
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[1]/priority", doc)).isEqualTo("3");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[1]/url", doc)).isEqualTo("https://wiki.demo.example.jp/ops/zabbix-disk");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[1]/description", doc))
                .startsWith("opsflow が監視項目一覧から作成しました").endsWith("opsflow-customer: demo / opsflow-item: " + DISK);
        // A window longer than the interval is an average over it, as Azure evaluates "1分/5分".
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[2]/expression", doc)).isEqualTo("{opsflow demo web01:system.cpu.load[all,avg1].avg(5m)}>5");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[2]/priority", doc)).isEqualTo("4");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[3]/expression", doc)).isEqualTo("{opsflow demo web01:system.cpu.load[all,avg1].last()}>=20.5");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger[3]/priority", doc)).isEqualTo("5");
        assertThat((Double) x.evaluate("count(//trigger[contains(expression, 'Percentage')])", doc, XPathConstants.NUMBER)).isZero();
    }

    @Test
    void anEnglishCustomerWithoutApiReadsEnglishComments() throws Exception {
        byte[] file = zabbix.importFile3_0(OFFLINE, List.of(ZabbixFixtures.disk("90")));
        XPath x = XPathFactory.newInstance().newXPath();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(file));

        assertThat(zabbix.reachable(OFFLINE)).isFalse();
        assertThat(x.evaluate("/zabbix_export/templates/template/template", doc)).isEqualTo("opsflow acme demo-file01");
        assertThat(x.evaluate("/zabbix_export/templates/template/description", doc)).isEqualTo("Created by opsflow from the"
                + " monitoring items list. After the import, link this template to the host \"demo-file01\" (customer acme).");
        assertThat(x.evaluate("/zabbix_export/triggers/trigger/description", doc))
                .isEqualTo("Created by opsflow from the monitoring items list (Zabbix 3.0 has no tags, so they are written here)."
                        + " opsflow-customer: acme / opsflow-item: " + DISK);
    }
}
