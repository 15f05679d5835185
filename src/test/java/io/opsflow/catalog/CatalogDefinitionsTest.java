package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogDefinitionsTest {

    static final CatalogDefinitions SHIPPED = CatalogDefinitions.load(CatalogProperties.DEFAULT_ITEMS_LOCATION);

    private static final String VALID = """
            id: sample-item
            name: Sample item
            sysId: 0123456789abcdef0123456789abcdef
            runbook: Invoke-Sample
            labels:
              ja: サンプル
              en: Sample
            parameters:
              VMName:
                variable: vm_name
                type: vmName
                required: true
                description:
                  ja: VM 名
                  en: VM name
            approval:
              required: false
            fulfilmentTimeout: PT10M
            failureOpensIncident: false
            targets:
              - kind: virtualMachine
                name: VMName
            """;

    @Test
    void everyShippedDefinitionLoadsFromTheClasspathLikeInTheJar() {
        assertThat(SHIPPED.all()).extracting(CatalogDefinition::id).containsExactlyInAnyOrder(
                "vm-start", "vm-stop", "vm-restart", "vm-resize", "nsg-rule-add", "nsg-rule-remove",
                "operator-account-add", "operator-account-remove", "sql-database-scale", "app-service-restart",
                "avd-drain-on", "avd-drain-off");
    }

    @Test
    void findsTheContractsRestartVmItemBySysIdOrName() {
        assertThat(SHIPPED.find("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", null)).get()
                .extracting(CatalogDefinition::id).isEqualTo("vm-restart");
        assertThat(SHIPPED.find("", "  restart vm ")).get().extracting(CatalogDefinition::id).isEqualTo("vm-restart");
        assertThat(SHIPPED.find("ffffffffffffffffffffffffffffffff", "Restart VM")).get()
                .extracting(CatalogDefinition::runbook).isEqualTo("Restart-AzureVM");
        assertThat(SHIPPED.find("ffffffffffffffffffffffffffffffff", "Order pizza")).isEmpty();
        assertThat(SHIPPED.find(null, null)).isEmpty();
    }

    @Test
    void approvalAndTimeoutsAreRead() {
        CatalogDefinition restart = SHIPPED.byId("vm-restart").orElseThrow();
        assertThat(restart.approvalRequired()).isTrue();
        assertThat(restart.approval().group()).isEqualTo("operators");
        assertThat(restart.approval().deadline()).hasHours(4);
        assertThat(restart.approval().reminder()).hasHours(1);
        assertThat(restart.fulfilmentTimeout()).hasMinutes(30);
        assertThat(restart.failureOpensIncident()).isTrue();
        assertThat(restart.targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("virtualMachine");
            assertThat(t.name()).isEqualTo("VMName");
        });
        assertThat(SHIPPED.byId("vm-start").orElseThrow().approvalRequired()).isFalse();
    }

    @Test
    void aValidFileLoads() {
        assertThat(load(Map.of("processes/catalog/items/sample-item.yaml", VALID)).all()).hasSize(1);
    }

    @Test
    void anUnknownTypeNamesFileLineAndField() {
        assertProblem(VALID.replace("type: vmName", "type: vmname"),
                "processes/catalog/items/sample-item.yaml line 11: parameters.VMName.type: unknown type 'vmname'");
    }

    @Test
    void aBadDurationNamesFileLineAndField() {
        assertProblem(VALID.replace("fulfilmentTimeout: PT10M", "fulfilmentTimeout: 10 minutes"),
                "processes/catalog/items/sample-item.yaml line 18: fulfilmentTimeout: Cannot deserialize value of type `java.time.Duration`");
    }

    @Test
    void anUnknownFieldNamesFileLineAndField() {
        assertProblem(VALID.replace("    required: true\n", "    requird: true\n"),
                "processes/catalog/items/sample-item.yaml line 12: parameters.VMName.requird: Unrecognized field \"requird\"");
    }

    @Test
    void aMissingFieldNamesFileAndField() {
        assertProblem(VALID.replace("failureOpensIncident: false\n", ""),
                "processes/catalog/items/sample-item.yaml line 1: failureOpensIncident: is required");
    }

    @Test
    void aTargetMustNameAParameter() {
        assertProblem(VALID.replace("    name: VMName", "    name: VmName"),
                "processes/catalog/items/sample-item.yaml line 22: targets[0].name: names no parameter of this item: 'VmName'");
    }

    @Test
    void enumNeedsAllowedValuesAndADefaultMustBeValid() {
        assertProblem(VALID.replace("type: vmName", "type: enum"), "line 10: parameters.VMName.allowed: is required for type enum");
        assertProblem(VALID.replace("required: true", "default: 'VM 01'"),
                "line 12: parameters.VMName.default: 'VM 01' is not a valid VM name");
    }

    @Test
    void approvalNeedsGroupAndDeadline() {
        assertProblem(VALID.replace("required: false", "required: true"), "line 17: approval.group: is required");
        assertProblem(VALID.replace("required: false", "required: true\n  group: operators\n  deadline: PT1H\n  reminder: PT2H"),
                "line 20: approval.reminder: must come before the deadline (PT1H)");
    }

    @Test
    void invalidYamlAndDuplicateKeysNameTheLine() {
        assertProblem(VALID.replace("labels:\n", "labels: [\n"), "processes/catalog/items/sample-item.yaml line ");
        assertProblem(VALID.replace("runbook: Invoke-Sample\n", "runbook: Invoke-Sample\nrunbook: Other\n"),
                "processes/catalog/items/sample-item.yaml line 5: Duplicate field 'runbook'");
    }

    @Test
    void duplicateIdsAreRejected() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("processes/catalog/items/sample-item.yaml", VALID);
        files.put("other/sample-item.yaml", VALID.replace("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210")
                .replace("name: Sample item", "name: Other item"));
        assertThatThrownBy(() -> load(files)).isInstanceOf(CatalogDefinitionException.class)
                .hasMessage("other/sample-item.yaml line 1: id: 'sample-item' is already defined by another file");
    }

    @Test
    void duplicateSysIdsAndNamesAreRejected() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("items/sample-item.yaml", VALID);
        files.put("items/other-item.yaml", VALID.replace("id: sample-item", "id: other-item"));
        assertThatThrownBy(() -> load(files)).isInstanceOf(CatalogDefinitionException.class)
                .hasMessageContaining("items/other-item.yaml line 3: sysId: '0123456789abcdef0123456789abcdef' is already the sysId of sample-item")
                .hasMessageContaining("items/other-item.yaml line 2: name: 'Sample item' is already the name of sample-item");
    }

    @Test
    void theIdIsTheFileName() {
        assertThatThrownBy(() -> load(Map.of("items/sample.yaml", VALID)))
                .hasMessage("items/sample.yaml line 1: id: 'sample-item' must equal the file name ('sample')");
    }

    @Test
    void aBadFileOnDiskIsNamedByItsLocation(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sample-item.yaml"), VALID.replace("fulfilmentTimeout: PT10M", "fulfilmentTimeout: PT0S"));
        assertThatThrownBy(() -> CatalogDefinitions.load(dir.toUri() + "*.yaml"))
                .isInstanceOf(CatalogDefinitionException.class)
                .hasMessageEndingWith("sample-item.yaml line 18: fulfilmentTimeout: must be a positive ISO-8601 duration such as PT30M");
        Files.writeString(dir.resolve("sample-item.yaml"), VALID);
        assertThat(CatalogDefinitions.load(dir.toUri() + "*.yaml").byId("sample-item")).isPresent();
    }

    @Test
    void theFailureAnalyzerShowsEveryProblem() {
        var analysis = new CatalogDefinitionFailureAnalyzer().analyze(
                new CatalogDefinitionException("a.yaml line 1: id: is required\na.yaml line 2: name: is required", null));
        assertThat(analysis.getDescription()).contains("    a.yaml line 1: id: is required\n    a.yaml line 2: name: is required");
        assertThat(analysis.getAction()).contains("docs/catalog.md");
    }

    private static CatalogDefinitions load(Map<String, String> files) {
        return new CatalogDefinitions(files);
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> load(Map.of("processes/catalog/items/sample-item.yaml", yaml)))
                .isInstanceOf(CatalogDefinitionException.class)
                .hasMessageContaining(expected);
    }
}
