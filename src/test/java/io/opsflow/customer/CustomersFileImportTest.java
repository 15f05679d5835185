package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;

@OpsflowSpringTest
class CustomersFileImportTest {

    @Autowired
    CustomersFileImport fileImport;
    @Autowired
    CustomerRegistry registry;
    @Autowired
    IdentityService identityService;

    @TempDir
    Path folder;

    @Test
    void theShippedExampleImportsAndReimportsAsAnUpsert() {
        fileImport.importFile(Path.of("docs/customers.example.yaml"));
        fileImport.importFile(Path.of("docs/customers.example.yaml"));

        Customer acme = registry.find("acme").orElseThrow();
        assertThat(acme.displayName()).isEqualTo("ACME株式会社");
        assertThat(acme.sla().get("P3").resolve()).isEqualTo(Duration.ofDays(3));
        assertThat(acme.zabbix().hostGroups()).containsExactly("ACME/Production", "ACME/Staging");
        assertThat(acme.members().groups()).containsExactly("operators");
        assertThat(registry.findBySubscriptionId("00000000-1111-2222-3333-444444444444")).map(Customer::id).hasValue("acme");
        assertThat(registry.findByZabbixHostGroup("ACME/Staging")).map(Customer::id).hasValue("acme");
        assertThat(registry.findByServiceNowCompany("31bea3d53790200044e0bfc8bcbe5dec")).map(Customer::id).hasValue("acme");
        assertThat(registry.findByServiceNowCompany("00000000000000000000000000000000")).isEmpty();
        assertThat(registry.find("globex").orElseThrow().azure().credential().type()).isEqualTo("managed-identity");
        assertThat(identityService.createTenantQuery().tenantId("globex").count()).isOne();
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        Path file = write("""
                customers:
                  - id: broken
                    displayName: "unclosed
                    locale: ja
                """);
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + " line ").hasMessageContaining("not valid YAML");
    }

    @Test
    void anUnknownFieldNamesItsLineAndPath() throws IOException {
        Path file = write("""
                customers:
                  - id: typo-customer
                    displayName: Typo
                    locale: en
                    servicenow:
                      companySysID: 31bea3d53790200044e0bfc8bcbe5dec
                """);
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + " line 6: customers[0].servicenow.companySysID")
                .hasMessageContaining("Unrecognized field");
    }

    @Test
    void anInvalidValueNamesItsLineAndFieldAndNothingIsImported() throws IOException {
        Path file = write("""
                customers:
                  - id: file-good
                    displayName: Good
                    locale: en
                  - id: file-bad
                    displayName: Bad
                    locale: ja
                    sla:
                      P2:
                        acknowledge: PT1H
                        identifyCause: PT2H
                        resolve: PT8H
                    azure:
                      tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                      subscriptionIds:
                        - 00000000-aaaa-bbbb-cccc-000000000001
                        - not-a-subscription
                      credential:
                        type: workload-identity
                        clientId: 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0
                """);
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + " line 17: customers[1].azure.subscriptionIds[1]: must be a subscription GUID");
        assertThat(registry.find("file-good")).as("all or none").isEmpty();
        assertThat(identityService.createTenantQuery().tenantId("file-good").count()).isZero();
    }

    @Test
    void aServiceNowCompanyNamedByTwoCustomersIsRefusedWithItsLine() throws IOException {
        Path file = write("""
                customers:
                  - id: file-company-a
                    displayName: A
                    locale: en
                    servicenow:
                      companySysId: 0f0e0d0c0b0a09080706050403020100
                  - id: file-company-b
                    displayName: B
                    locale: en
                    servicenow:
                      companySysId: 0f0e0d0c0b0a09080706050403020100
                """);
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + " line 11: customers[1].servicenow.companySysId: company "
                        + "0f0e0d0c0b0a09080706050403020100 already belongs to customer 'file-company-a'");
        assertThat(registry.find("file-company-a")).as("all or none").isEmpty();
    }

    @Test
    void webhookCredentialsAreImportedAsVariableNames() throws IOException {
        Path file = write("""
                customers:
                  - id: file-webhooks
                    displayName: Webhooks
                    locale: en
                    azure:
                      tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                      subscriptionIds: [ 00000000-aaaa-bbbb-cccc-0000000000f1 ]
                      credential: { type: managed-identity }
                      monitorWebhook:
                        tokenEnv: OPSFLOW_FILE_WEBHOOKS_AZURE_MONITOR_TOKEN
                        audiences: [ "api://opsflow-file-webhooks", 5c6d7e8f-0000-4000-8000-0000000000f1 ]
                    zabbix:
                      hostGroups: [ FileWebhooks/Production ]
                      tokenEnv: OPSFLOW_FILE_WEBHOOKS_ZABBIX_TOKEN
                """);
        fileImport.importFile(file);

        Customer customer = registry.find("file-webhooks").orElseThrow();
        assertThat(customer.azure().monitorWebhook()).isEqualTo(new Customer.MonitorWebhook(
                "OPSFLOW_FILE_WEBHOOKS_AZURE_MONITOR_TOKEN", null, java.util.List.of("api://opsflow-file-webhooks",
                "5c6d7e8f-0000-4000-8000-0000000000f1")));
        assertThat(customer.zabbix()).isEqualTo(new Customer.Zabbix(java.util.List.of("FileWebhooks/Production"),
                "OPSFLOW_FILE_WEBHOOKS_ZABBIX_TOKEN"));
    }

    @Test
    void aMissingFieldPointsAtItsCustomer() throws IOException {
        Path file = write("""
                customers:
                  - id: file-ok
                    displayName: OK
                    locale: en

                  - id: file-missing
                    locale: en
                """);
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + " line 6: customers[1].displayName: is required");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = folder.resolve("nowhere.yaml");
        assertThatThrownBy(() -> fileImport.importFile(file)).isInstanceOf(CustomersFileException.class)
                .hasMessageContaining(file + ": cannot read the customers file");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(folder.resolve("customers.yaml"), yaml);
    }
}
