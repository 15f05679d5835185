package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.opsflow.catalog.CatalogDefinition.Parameter;
import io.opsflow.catalog.CatalogDefinition.Texts;
import io.opsflow.catalog.RequestValidation.Invalid;
import io.opsflow.catalog.RequestValidation.Result;
import io.opsflow.catalog.RequestValidation.UnknownItem;
import io.opsflow.catalog.RequestValidation.Valid;
import io.opsflow.messages.Messages;

class RequestValidationTest {

    private static final RequestValidation VALIDATION = new RequestValidation(CatalogDefinitionsTest.SHIPPED);
    private static final Messages.Texts JA = Messages.standalone(Locale.JAPANESE);
    private static final Messages.Texts EN = Messages.standalone(Locale.ENGLISH);

    /** The variables of shared/contracts/servicenow/webhook-ritm-restart-vm.json. */
    private static Map<String, String> restartVm() {
        Map<String, String> variables = new HashMap<>();
        variables.put("subscription_id", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");
        variables.put("resource_group", "rg-acme-prod");
        variables.put("vm_name", "vm-acme-web01");
        variables.put("restart_mode", "graceful");
        variables.put("reason", "Apply OS security update after patch window");
        variables.put("scheduled_start", "2026-11-24 02:10:00");
        variables.put("notify_customer", "true");
        return variables;
    }

    @Test
    void theContractsRestartRequestBecomesRunbookParameters() {
        Result result = VALIDATION.validate("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", "Restart VM", restartVm());
        assertThat(result).isInstanceOfSatisfying(Valid.class, valid -> {
            assertThat(valid.definition().runbook()).isEqualTo("Restart-AzureVM");
            assertThat(valid.parameters()).containsExactly(
                    Map.entry("SubscriptionId", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"),
                    Map.entry("ResourceGroupName", "rg-acme-prod"),
                    Map.entry("VMName", "vm-acme-web01"),
                    Map.entry("RestartMode", "graceful"));
        });
    }

    @Test
    void tableApiVariableKeysWork() {
        Map<String, String> variables = new HashMap<>();
        restartVm().forEach((k, v) -> variables.put("variables." + k, v));
        assertThat(VALIDATION.validate("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", null, variables)).isInstanceOf(Valid.class);
    }

    @Test
    void theExampleProblemReadsAsItWillInTheWorkNote() {
        Map<String, String> variables = restartVm();
        variables.put("vm_name", "VM_01!");
        Result result = VALIDATION.validate("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", "Restart VM", variables);
        assertThat(problems(result, JA)).containsExactly("vm_name: 'VM_01!' は VM 名として使えません（1〜64 文字の英数字、'-'、'_'、'.'。"
                + "先頭は英数字、末尾に '-' と '.' は不可）");
        assertThat(problems(result, EN)).containsExactly("vm_name: 'VM_01!' is not a valid VM name (1-64 letters, digits, "
                + "'-', '_', '.'; starting with a letter or digit, not ending with '-' or '.')");
    }

    @Test
    void missingAndEmptyRequiredVariablesAreNamed() {
        Map<String, String> variables = restartVm();
        variables.remove("vm_name");
        variables.put("resource_group", "  ");
        Result result = VALIDATION.validate("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", "Restart VM", variables);
        assertThat(problems(result, JA)).containsExactly(
                "resource_group: 必須項目が入力されていません", "vm_name: 必須の変数が送られていません");
        assertThat(problems(result, EN)).containsExactly(
                "resource_group: is required but was not filled in", "vm_name: is required but was not sent");
    }

    @Test
    void anOptionalEmptyVariableTakesItsDefaultOrIsLeftOut() {
        Map<String, String> variables = restartVm();
        variables.put("restart_mode", "");
        assertThat(VALIDATION.validate("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", "Restart VM", variables))
                .isInstanceOfSatisfying(Valid.class, v -> assertThat(v.parameters()).containsEntry("RestartMode", "graceful"));

        Map<String, String> app = Map.of("subscription_id", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                "resource_group", "rg-acme-prod", "web_app_name", "app-acme-shop", "slot_name", "");
        assertThat(VALIDATION.validate(null, "Restart App Service", app))
                .isInstanceOfSatisfying(Valid.class, v -> assertThat(v.parameters()).doesNotContainKey("SlotName"));
    }

    @Test
    void aValueOutsideTheAllowedListIsNamedWithTheChoices() {
        Map<String, String> variables = restartVm();
        variables.put("restart_mode", "Graceful");
        Result result = VALIDATION.validate("4f6a8c0e2b4d4a6c8e0a2c4e6a8c0e2b", "Restart VM", variables);
        assertThat(problems(result, JA)).containsExactly("restart_mode: 'Graceful' は選択肢にありません（graceful, force）");
        assertThat(problems(result, EN)).containsExactly("restart_mode: 'Graceful' is not one of the allowed values (graceful, force)");
    }

    @Test
    void everyWrongVariableIsReportedAtOnce() {
        Map<String, String> variables = Map.of("subscription_id", "not-a-guid", "resource_group", "rg.", "vm_name", "仮想マシン",
                "vm_size", "Standard_Z99");
        assertThat(VALIDATION.validate(null, "Resize VM", variables)).isInstanceOfSatisfying(Invalid.class, invalid ->
                assertThat(invalid.problems()).extracting(VariableProblem::variable)
                        .containsExactly("subscription_id", "resource_group", "vm_name", "vm_size"));
    }

    @Test
    void anUnknownCatalogItemIsItsOwnResult() {
        Result result = VALIDATION.validate("ffffffffffffffffffffffffffffffff", "Order pizza", restartVm());
        assertThat(result).isEqualTo(new UnknownItem("ffffffffffffffffffffffffffffffff", "Order pizza"));
        assertThat(((UnknownItem) result).message(JA)).isEqualTo(
                "カタログ アイテム 'Order pizza'（ffffffffffffffffffffffffffffffff）は opsflow に定義されていないため処理できません");
        assertThat(((UnknownItem) result).message(EN)).isEqualTo(
                "Catalog item 'Order pizza' (ffffffffffffffffffffffffffffffff) has no opsflow catalog definition, so it cannot be fulfilled");
        assertThat(new UnknownItem(null, "Order pizza").message(EN)).isEqualTo(
                "Catalog item 'Order pizza' (no sys_id) has no opsflow catalog definition, so it cannot be fulfilled");
    }

    @Test
    void nsgRuleAddNormalisesItsValues() {
        Map<String, String> variables = Map.of("subscription_id", "6F1C2D3E-4B5A-4C7D-8E9F-0A1B2C3D4E5F",
                "resource_group", "rg-acme-prod", "nsg_name", "nsg-acme-web", "rule_name", "allow-https-office",
                "priority", "0310", "protocol", "Tcp", "source_cidr", "203.0.113.10", "destination_ports", " 8000 - 8100 ");
        assertThat(VALIDATION.validate(null, "Add NSG rule", variables)).isInstanceOfSatisfying(Valid.class, v ->
                assertThat(v.parameters()).containsExactly(
                        Map.entry("SubscriptionId", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"),
                        Map.entry("ResourceGroupName", "rg-acme-prod"),
                        Map.entry("NsgName", "nsg-acme-web"),
                        Map.entry("RuleName", "allow-https-office"),
                        Map.entry("Priority", "310"),
                        Map.entry("Direction", "Inbound"),
                        Map.entry("Access", "Allow"),
                        Map.entry("Protocol", "Tcp"),
                        Map.entry("SourceAddressPrefix", "203.0.113.10/32"),
                        Map.entry("DestinationPortRange", "8000-8100")));
    }

    @Test
    void nsgRuleAddRefusesTheWholeInternetAndBadPriorities() {
        Map<String, String> variables = Map.of("subscription_id", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                "resource_group", "rg-acme-prod", "nsg_name", "nsg-acme-web", "rule_name", "allow-all",
                "priority", "99", "protocol", "Tcp", "source_cidr", "0.0.0.0/0", "destination_ports", "443");
        Result result = VALIDATION.validate(null, "Add NSG rule", variables);
        assertThat(problems(result, JA)).containsExactly("priority: '99' は範囲外です（100〜4096）",
                "source_cidr: '0.0.0.0/0' のプレフィックス長は /8〜/32 にしてください");
        assertThat(problems(result, EN)).containsExactly("priority: '99' is out of range (100-4096)",
                "source_cidr: '0.0.0.0/0' must have a prefix length from /8 to /32");
    }

    // --- one test per type, valid and invalid values ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vm-acme-web01|vm-acme-web01", "a|a", "VM01|VM01", "web_01|web_01", "db.primary-01|db.primary-01", "x_|x_",
            "  vm-acme-web01 |vm-acme-web01"})
    void vmNameValid(String value, String expected) {
        assertThat(valid("vmName", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VM_01!", "仮想マシン01", "-vm", "_vm", ".vm", "vm-", "vm.", "vm 01", "vm/01",
            "a234567890123456789012345678901234567890123456789012345678901234x"})
    void vmNameInvalid(String value) {
        assertThat(invalid("vmName", value)).contains("は VM 名として使えません").contains("' is not a valid VM name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/8|10.0.0.0/8", "203.0.113.10|203.0.113.10/32", "203.0.113.10/32|203.0.113.10/32",
            "0.0.0.0/0|0.0.0.0/0", "255.255.255.255|255.255.255.255/32", "192.168.1.128/25|192.168.1.128/25",
            "172.16.0.0/12|172.16.0.0/12"})
    void cidrValid(String value, String expected) {
        assertThat(valid("cidr", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.0/8", "10.0.0/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "010.0.0.0/8",
            "10.0.0.0/08", "::1/128", "10.0.0.0 /8", "any", "１０.0.0.0/8", "10.0.0.0/24/1"})
    void cidrInvalid(String value) {
        assertThat(invalid("cidr", value)).endsWith(" / '" + value + "' is not an IPv4 address or CIDR block (e.g. 203.0.113.0/24)");
    }

    @Test
    void cidrWithHostBitsSuggestsTheNetwork() {
        assertThat(invalid("cidr", "10.1.2.3/16"))
                .isEqualTo("'10.1.2.3/16' はネットワーク アドレスではありません（10.1.0.0/16 のことですか） / '10.1.2.3/16' has host bits set (did you mean 10.1.0.0/16?)");
        assertThat(invalid("cidr", "0.0.0.1/0")).contains("did you mean 0.0.0.0/0?");
    }

    @Test
    void cidrPrefixBounds() {
        Parameter p = parameter("cidr", List.of(), null, 16L, 29L);
        assertThat(check(p, "10.0.0.0/16")).isEqualTo("10.0.0.0/16");
        assertThat(check(p, "10.0.0.0/8")).isEqualTo("'10.0.0.0/8' のプレフィックス長は /16〜/29 にしてください / '10.0.0.0/8' must have a prefix length from /16 to /29");
        assertThat(check(p, "10.0.0.1")).contains("must have a prefix length from /16 to /29");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "22,22", "443,443", "65535,65535", "00080,80"})
    void portValid(String value, String expected) {
        assertThat(valid("port", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "99999", "100000", "80a", "+80", "8 0", "８０", "443-444", "*"})
    void portInvalid(String value) {
        assertThat(invalid("port", value)).isEqualTo("'" + value + "' は 1〜65535 のポート番号ではありません / '" + value + "' is not a port number (1-65535)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|1", "65535|65535", "1-65535|1-65535", "8000-8100|8000-8100",
            "8000 - 8100|8000-8100", "443-443|443", "0443|443"})
    void portRangeValid(String value, String expected) {
        assertThat(valid("portRange", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "0-80", "80-65536", "80-", "-80", "80,443", "*", "http", "80〜90"})
    void portRangeInvalid(String value) {
        assertThat(invalid("portRange", value)).endsWith(" / '" + value + "' is not a port or port range (1-65535, e.g. 443 or 8000-8100)");
    }

    @Test
    void portRangeBackwards() {
        assertThat(invalid("portRange", "9000-8000")).isEqualTo("'9000-8000' は範囲の開始が終了より大きくなっています / '9000-8000' starts after it ends");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "taro.yamada@contoso.co.jp|taro.yamada@contoso.co.jp", "Taro.Yamada@Contoso.CO.JP|Taro.Yamada@contoso.co.jp",
            "ops-admin01@acme.onmicrosoft.com|ops-admin01@acme.onmicrosoft.com",
            "taro_gmail.com#EXT#@acme.onmicrosoft.com|taro_gmail.com#EXT#@acme.onmicrosoft.com", "o'brien@contoso.com|o'brien@contoso.com"})
    void upnValid(String value, String expected) {
        assertThat(valid("upn", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"taro", "taro@", "@contoso.com", "taro@contoso", "taro..yamada@contoso.com", ".taro@contoso.com",
            "taro.@contoso.com", "山田@contoso.co.jp", "taro@コントソ.jp", "taro yamada@contoso.com", "taro@-contoso.com",
            "taro@contoso..com", "taro@@contoso.com"})
    void upnInvalid(String value) {
        assertThat(invalid("upn", value)).isEqualTo("'" + value + "' は UPN（ユーザー プリンシパル名）として使えません（名前@ドメイン、例: taro.yamada@contoso.co.jp）"
                + " / '" + value + "' is not a valid user principal name (name@domain, e.g. taro.yamada@contoso.co.jp)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"rg-acme-prod|rg-acme-prod", "RG_Acme.(prod)|RG_Acme.(prod)", "リソース群|リソース群"})
    void resourceGroupValid(String value, String expected) {
        assertThat(valid("resourceGroup", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rg-acme.", "rg acme", "rg/acme", "rg*",
            "r123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void resourceGroupInvalid(String value) {
        assertThat(invalid("resourceGroup", value)).contains("はリソース グループ名として使えません").contains("' is not a valid resource group name");
    }

    @ParameterizedTest
    @CsvSource({"6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f,6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
            "6F1C2D3E-4B5A-4C7D-8E9F-0A1B2C3D4E5F,6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"})
    void uuidValid(String value, String expected) {
        assertThat(valid("uuid", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6f1c2d3e4b5a4c7d8e9f0a1b2c3d4e5f", "{6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f}", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5", "サブスクリプション"})
    void uuidInvalid(String value) {
        assertThat(invalid("uuid", value)).contains("は GUID ではありません");
    }

    @Test
    void intBoundsAndNormalisation() {
        Parameter p = parameter("int", List.of(), null, 100L, 4096L);
        assertThat(check(p, "100")).isEqualTo("100");
        assertThat(check(p, "4096")).isEqualTo("4096");
        assertThat(check(p, "+0200")).isEqualTo("200");
        assertThat(check(p, "99")).isEqualTo("'99' は範囲外です（100〜4096） / '99' is out of range (100-4096)");
        assertThat(check(p, "4097")).contains("is out of range (100-4096)");
        assertThat(check(p, "1.5")).isEqualTo("'1.5' は整数ではありません / '1.5' is not a whole number");
        assertThat(check(p, "百")).contains("is not a whole number");
        assertThat(check(p, "99999999999999999999")).contains("is not a whole number");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "false,false", "TRUE,true", "False,false"})
    void boolValid(String value, String expected) {
        assertThat(valid("bool", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "はい", "on"})
    void boolInvalid(String value) {
        assertThat(invalid("bool", value)).isEqualTo("'" + value + "' は true か false で指定してください / '" + value + "' must be true or false");
    }

    @Test
    void enumIsExactAndSkuTakesTheAllowedSpelling() {
        Parameter choice = parameter("enum", List.of("graceful", "force"), null, null, null);
        assertThat(check(choice, "force")).isEqualTo("force");
        assertThat(check(choice, "FORCE")).contains("is not one of the allowed values (graceful, force)");
        assertThat(check(choice, "強制")).startsWith("'強制' は選択肢にありません");
        Parameter size = parameter("sku", List.of("Standard_D2s_v5", "Standard_D4s_v5"), null, null, null);
        assertThat(check(size, "standard_d4s_v5")).isEqualTo("Standard_D4s_v5");
        assertThat(check(size, "Standard_D64s_v5")).isEqualTo("'Standard_D64s_v5' は許可されたサイズ / SKU ではありません"
                + "（Standard_D2s_v5, Standard_D4s_v5） / 'Standard_D64s_v5' is not an allowed size / SKU (Standard_D2s_v5, Standard_D4s_v5)");
    }

    @Test
    void stringLengthPatternAndJapaneseText() {
        Parameter reason = parameter("string", List.of(), null, 2L, 10L);
        assertThat(check(reason, "月次パッチ適用のため")).isEqualTo("月次パッチ適用のため");
        assertThat(check(reason, "月次パッチ適用のための再起動")).isEqualTo("'月次パッチ適用のための再起動' は長すぎます（10 文字以内） / '月次パッチ適用のための再起動' is too long (at most 10 characters)");
        assertThat(check(reason, "a")).contains("is too short (at least 2 characters)");
        assertThat(check(reason, "a\u0007b")).contains("contains control characters");
        Parameter server = parameter("string", List.of(), "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", null, null);
        assertThat(check(server, "sql-acme-prod")).isEqualTo("sql-acme-prod");
        assertThat(check(server, "SQL_ACME")).isEqualTo("'SQL_ACME' は求められる形式ではありません（パターン [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?）"
                + " / 'SQL_ACME' does not have the required format (pattern [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)");
    }

    private static String valid(String type, String value) {
        Result result = validateOne(parameter(type, List.of(), null, null, null), value);
        assertThat(result).isInstanceOf(Valid.class);
        return ((Valid) result).parameters().get("P");
    }

    private static String invalid(String type, String value) {
        Result result = validateOne(parameter(type, List.of(), null, null, null), value);
        assertThat(result).isInstanceOf(Invalid.class);
        List<VariableProblem> problems = ((Invalid) result).problems();
        assertThat(problems).singleElement().extracting(VariableProblem::variable).isEqualTo("v");
        return bothLanguages(problems.get(0));
    }

    /** The normalised value, or the problem's message in both languages. */
    private static String check(Parameter p, String value) {
        Result result = validateOne(p, value);
        return result instanceof Valid v ? v.parameters().get("P") : bothLanguages(((Invalid) result).problems().get(0));
    }

    /** {@code ja / en}: one string to assert both translations of a problem at once. */
    private static String bothLanguages(VariableProblem problem) {
        return problem.message(JA) + " / " + problem.message(EN);
    }

    private static Result validateOne(Parameter p, String value) {
        CatalogDefinition d = new CatalogDefinition("t", "T", "0123456789abcdef0123456789abcdef", "Invoke-T", new Texts("t", "t"),
                Map.of("P", p), null, null, false, List.of());
        return RequestValidation.validate(d, Map.of("v", value));
    }

    private static Parameter parameter(String type, List<String> allowed, String pattern, Long min, Long max) {
        return new Parameter("v", type, true, allowed, pattern, min, max, null, new Texts("p", "p"));
    }

    /** As the RITM's work note lists them for a reader of {@code texts}' language. */
    private static List<String> problems(Result result, Messages.Texts texts) {
        assertThat(result).isInstanceOf(Invalid.class);
        return ((Invalid) result).problems().stream().map(p -> p.variable() + ": " + p.message(texts)).toList();
    }
}
