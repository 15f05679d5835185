package io.opsflow.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.identity.WorkloadIdentityCredential;

import io.opsflow.customer.Customer;

/**
 * Which credential each registry entry gets and where its secret comes from. That a client secret
 * really reaches the token endpoint is shown end to end in {@link ArmClientTest}.
 */
class CustomerCredentialsTest {

    static final AzureProperties PROPERTIES = new AzureProperties(AzureProperties.Cloud.AZURE, null, null,
            Duration.ofSeconds(5), Duration.ofSeconds(5), new AzureProperties.Retry(0, Duration.ZERO, Duration.ZERO, Duration.ZERO),
            new AzureProperties.Msp(null, null, AzureProperties.Msp.DEFAULT_SECRET_ENV));

    @Test
    void clientSecretIsReadFromTheVariableTheRegistryNames() {
        CustomerCredentials credentials = credentials(Map.of("ACME_AZURE_CLIENT_SECRET", "s3cret"));

        assertThat(credentials.credentialFor(customer(new Customer.Credential("client-secret", "app-id", "ACME_AZURE_CLIENT_SECRET"))))
                .isInstanceOf(ClientSecretCredential.class);
    }

    @Test
    void aMissingSecretVariableIsNamedInTheError() {
        CustomerCredentials credentials = credentials(Map.of("OTHER", "x"));
        Customer acme = customer(new Customer.Credential("client-secret", "app-id", "ACME_AZURE_CLIENT_SECRET"));

        assertThatThrownBy(() -> credentials.policyFor(acme))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACME_AZURE_CLIENT_SECRET")
                .hasMessageContaining("'acme'")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> credentials(Map.of("ACME_AZURE_CLIENT_SECRET", " ")).policyFor(acme))
                .hasMessageContaining("ACME_AZURE_CLIENT_SECRET");
    }

    @Test
    void managedAndWorkloadIdentityGetTheirCredentials() {
        CustomerCredentials credentials = credentials(Map.of("AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/token"));

        assertThat(credentials.credentialFor(customer(new Customer.Credential("managed-identity", null, null))))
                .isInstanceOf(ManagedIdentityCredential.class);
        assertThat(credentials.credentialFor(customer(new Customer.Credential("managed-identity", "user-assigned-id", null))))
                .isInstanceOf(ManagedIdentityCredential.class);
        assertThat(credentials.credentialFor(customer(new Customer.Credential("workload-identity", "app-id", null))))
                .isInstanceOf(WorkloadIdentityCredential.class);
        assertThatThrownBy(() -> credentials(Map.of()).credentialFor(customer(new Customer.Credential("workload-identity", "app-id", null))))
                .hasMessageContaining("AZURE_FEDERATED_TOKEN_FILE");
    }

    @Test
    void aManagedIdentityGetsNoTokenFromAPartnerTenant() {
        CustomerCredentials credentials = credentials(Map.of());

        assertThatThrownBy(() -> credentials.auxiliaryToken(customer(new Customer.Credential("managed-identity", null, null)),
                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
                .hasMessageContaining("multi-tenant app registration");
    }

    @Test
    void incompleteEntriesAreRefusedWithTheFieldAtFault() {
        CustomerCredentials credentials = credentials(Map.of());

        assertThatThrownBy(() -> credentials.credentialFor(customer(null))).hasMessageContaining("no azure.credential");
        assertThatThrownBy(() -> credentials.credentialFor(customer(new Customer.Credential("certificate", "app-id", null))))
                .hasMessageContaining("unknown azure.credential.type 'certificate'");
        assertThatThrownBy(() -> credentials.credentialFor(customer(new Customer.Credential("client-secret", null, "X"))))
                .hasMessageContaining("azure.credential.clientId");
    }

    @Test
    void theBearerPolicyIsKeptPerCustomerUntilItsCredentialChanges() {
        CustomerCredentials credentials = credentials(Map.of("A", "one", "B", "two"));
        Customer acme = customer(new Customer.Credential("client-secret", "app-id", "A"));

        HttpPipelinePolicy policy = credentials.policyFor(acme);

        assertThat(policy).isInstanceOf(BearerTokenAuthenticationPolicy.class);
        assertThat(credentials.policyFor(acme)).isSameAs(policy);
        assertThat(credentials.policyFor(customer(new Customer.Credential("client-secret", "app-id", "B")))).isNotSameAs(policy);
    }

    private static CustomerCredentials credentials(Map<String, String> environment) {
        return new CustomerCredentials(PROPERTIES, () -> "https://management.azure.com", ArmWireMockTest.HTTP_CLIENT,
                environment::get);
    }

    private static Customer customer(Customer.Credential credential) {
        return new Customer("acme", "ACME", "ja", new Customer.Azure("tenant-id", List.of(), null, credential),
                null, null, null, null, null);
    }
}
