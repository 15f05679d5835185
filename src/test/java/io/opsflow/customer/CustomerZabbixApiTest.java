package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.api.InvalidInputException;
import io.opsflow.validation.FieldProblem;

/** A customer's Zabbix API (URL and token variable) is kept by the registry and checked before it is. */
@OpsflowSpringTest
class CustomerZabbixApiTest {

    @Autowired
    CustomerRegistry registry;

    private static Customer withZabbix(String id, Customer.Zabbix zabbix) {
        return new Customer(id, "Zabbix API " + id, "ja", null, null, zabbix, null, Map.of(), null);
    }

    @Test
    void theApiIsStoredAndReadBackAndACustomerWithoutOneKeepsNone() {
        Customer.Zabbix zabbix = new Customer.Zabbix(List.of("zbx-api-a/Production"), "ZBX_API_A_WEBHOOK_TOKEN",
                "https://zabbix.zbx-api-a.example.jp/zabbix", "ZBX_API_A_API_TOKEN");
        registry.save(withZabbix("zbx-api-a", zabbix));
        registry.save(withZabbix("zbx-api-b", new Customer.Zabbix(List.of("zbx-api-b/Production"))));

        assertThat(registry.find("zbx-api-a").orElseThrow().zabbix()).isEqualTo(zabbix);
        assertThat(registry.find("zbx-api-b").orElseThrow().zabbix()).isEqualTo(
                new Customer.Zabbix(List.of("zbx-api-b/Production"), null, null, null));
    }

    @Test
    void anApiNeedsAnHttpsUrlAndATokenVariableNeverTheToken() {
        assertThatThrownBy(() -> registry.save(withZabbix("zbx-api-c", new Customer.Zabbix(List.of(), null,
                "http://zabbix.zbx-api-c.example.jp/zabbix", "eyJhbGciOi.secret"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("zabbix.apiUrl", "zabbix.apiTokenEnv"));
        assertThatThrownBy(() -> registry.save(withZabbix("zbx-api-d", new Customer.Zabbix(List.of(), null,
                "https://zabbix.zbx-api-d.example.jp", null))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("zabbix.apiTokenEnv"));
    }
}
