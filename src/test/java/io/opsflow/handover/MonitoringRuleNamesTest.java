package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule names: recognisable, deterministic, valid for ARM whatever language the item is named in. */
class MonitoringRuleNamesTest {

    @Test
    void latinPartsMakeTheSlugAndTheHashKeepsItemsApart() {
        assertThat(MonitoringRuleNames.of("demo", item("Web01 CPU使用率", MonitoringKind.METRIC))).isEqualTo("demo-web01-cpu-fef47a2e");
        assertThat(MonitoringRuleNames.of("demo", item("Web01 CPU使用率", MonitoringKind.METRIC)))
                .as("the same item, the same name").isEqualTo(MonitoringRuleNames.of("demo", item("Web01 CPU使用率", MonitoringKind.METRIC)));
        assertThat(MonitoringRuleNames.of("demo", item("VM 空きメモリ", MonitoringKind.LOG)))
                .isNotEqualTo(MonitoringRuleNames.of("demo", item("VM ハートビート途絶", MonitoringKind.LOG)));
    }

    @Test
    void aNameWithoutLatinLettersTakesItsKindAndFullWidthLettersCount() {
        assertThat(MonitoringRuleNames.of("demo", item("サービス正常性", MonitoringKind.SERVICE_HEALTH))).matches("demo-service-health-[0-9a-f]{8}");
        assertThat(MonitoringRuleNames.of("demo", item("ＤＢ０１ ＣＰＵ", MonitoringKind.METRIC))).matches("demo-db01-cpu-[0-9a-f]{8}");
        assertThat(MonitoringRuleNames.of("demo", item("a".repeat(100), MonitoringKind.METRIC))).matches("demo-a{40}-[0-9a-f]{8}");
    }

    private static MonitoringItem item(String name, MonitoringKind kind) {
        return new MonitoringItem(2, name, kind, null, "", null, null, null, Severity.SEV2, null, Notification.INCIDENT, null, null, null, null);
    }
}
