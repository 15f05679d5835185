package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.runbooks.DiagnosticRunbooks;

/**
 * The sandbox answers each diagnostic runbook the decision table names in the documented contract,
 * with the README's check ids for the resource's OS.
 */
class SimulatedDiagnosticsTest {

    static final String PROD = "/subscriptions/" + SandboxDemo.SUBSCRIPTION + "/resourceGroups/rg-demo-prod/providers/";
    static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

    @Test
    void answersEveryRunbookTheTableNamesAndNothingElse() {
        assertThat(DiagnosticRunbooks.named()).allMatch(SimulatedDiagnostics::answers);
        assertThat(SimulatedDiagnostics.answers("Restart-AzureVM")).isFalse();
        assertThat(SimulatedDiagnostics.answers("Fail-Get-OpsflowVmDiagnostics")).isFalse();
    }

    @Test
    void aWindowsVmGetsTheWindowsChecksWithItsVersion() {
        String id = PROD + "Microsoft.Compute/virtualMachines/vm-demo-db01";
        JsonNode json = contract("Get-OpsflowVmDiagnostics", "windows", id, vm("Windows", "WindowsServer", "2019-datacenter"));
        assertThat(json.at("/resource/os").asText()).isEqualTo("windows");
        assertThat(json.at("/resource/osVersion").asText()).contains("Windows Server 2019");
        String byName2012 = SimulatedDiagnostics.output("Get-OpsflowVmDiagnostics", PROD + "Microsoft.Compute/virtualMachines/vm-win2012-ad01",
                Map.of(), NOW);
        assertThat(DiagnosticRunbooks.assertContract(byName2012, PROD + "Microsoft.Compute/virtualMachines/vm-win2012-ad01",
                ids("Get-OpsflowVmDiagnostics", "windows")).at("/resource/osVersion").asText()).contains("2012 R2");
    }

    @Test
    void linuxVmsGetTheLinuxChecksPerDistribution() {
        JsonNode rhel = contract("Get-OpsflowVmDiagnostics", "linux", PROD + "Microsoft.Compute/virtualMachines/vm-demo-web01",
                vm("Linux", "RHEL", "8-lvm-gen2"));
        assertThat(rhel.at("/resource/osVersion").asText()).startsWith("Red Hat Enterprise Linux 8");
        assertThat(check(rhel, "linux.journal.errors").get("value").asText()).contains("(journal)");
        assertThat(check(rhel, "linux.httpd").get("status").asText()).isEqualTo("critical");

        JsonNode centos = contract("Get-OpsflowVmDiagnostics", "linux", PROD + "Microsoft.Compute/virtualMachines/vm-demo-web02",
                vm("Linux", "CentOS", "7_9"));
        assertThat(centos.at("/resource/osVersion").asText()).isEqualTo("CentOS Linux 7 (Core)");
        assertThat(check(centos, "linux.journal.errors").get("value").asText()).as("no persistent journal on CentOS 7").contains("/var/log/messages");
        assertThat(check(centos, "linux.tomcat").get("value").asText()).contains("Tomcat active");
    }

    @Test
    void theOsDiskDecidesOverTheName() {
        String id = PROD + "Microsoft.Compute/virtualMachines/vm-win-looking-linux";
        JsonNode json = contract("Get-OpsflowVmDiagnostics", "linux", id, vm("Linux", "RHEL", "7-lvm"));
        assertThat(json.at("/resource/osVersion").asText()).contains("7.9");
    }

    @Test
    void paasAndAvdRunbooksAnswerWithTheirChecks() {
        contract("Get-OpsflowSqlDiagnostics", "-", PROD + "Microsoft.Sql/servers/sql-demo-prod/databases/sales", Map.of());
        contract("Get-OpsflowAppServiceDiagnostics", "-", PROD + "Microsoft.Web/sites/app-demo-shop", Map.of());
        contract("Get-OpsflowCosmosDbDiagnostics", "-", PROD + "Microsoft.DocumentDB/databaseAccounts/cosmos-demo-prod", Map.of());
        String host = "/subscriptions/" + SandboxDemo.SUBSCRIPTION
                + "/resourceGroups/rg-demo-avd/providers/Microsoft.DesktopVirtualization/hostPools/hp-demo/sessionHosts/vm-demo-avd-0.demo.local";
        JsonNode avd = contract("Get-OpsflowAvdDiagnostics", "windows", host, Map.of());
        assertThat(avd.at("/resource/type").asText()).isEqualTo("microsoft.desktopvirtualization/hostpools/sessionhosts");
    }

    private static JsonNode contract(String runbook, String os, String id, Map<String, Object> resource) {
        return DiagnosticRunbooks.assertContract(SimulatedDiagnostics.output(runbook, id, resource, NOW), id, ids(runbook, os));
    }

    private static List<String> ids(String runbook, String os) {
        return DiagnosticRunbooks.documentedCheckIds().get(runbook).get(os);
    }

    private static JsonNode check(JsonNode json, String id) {
        for (JsonNode check : json.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id);
    }

    private static Map<String, Object> vm(String osType, String offer, String sku) {
        return Map.of("properties", Map.of("storageProfile", Map.of("osDisk", Map.of("osType", osType), "imageReference",
                Map.of("offer", offer, "sku", sku))));
    }
}
