package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsflow.customer.Customer;

/** Azure Lighthouse through the one ARM path: the two PUTs in the customer's tenant, and the MSP's read with its own identity. */
class LighthouseDelegationsTest extends ArmWireMockTest {

    static final String DEFINITIONS = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.ManagedServices/registrationDefinitions/";
    static final String ASSIGNMENTS = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.ManagedServices/registrationAssignments/";
    static final LighthouseDelegations.Delegation DELEGATION = new LighthouseDelegations.Delegation(MSP_TENANT,
            "contoso-msp managed services for ACME", "Operations of ACME (acme) by the MSP through opsflow", List.of(
                    new LighthouseDelegations.Authorization("0f2e4d6c-8b1a-4c3e-9d5f-7a9b1c3d5e7f", "opsflow automation",
                            "b24988ac-6180-42a0-ab88-20f7382dd24c"),
                    new LighthouseDelegations.Authorization("2a4c6e8f-0b1d-4f3a-8c5e-7d9f1b3d5f7a", "contoso-msp Azure Operators",
                            "acdd72a7-3385-48ef-bd42-f606fba81ae7")));

    LighthouseDelegations delegations;

    @BeforeEach
    void wireDelegations() {
        wm.stubFor(post(urlPathEqualTo("/" + MSP_TENANT + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"msp-token\"}")));
        AzureProperties properties = properties(new AzureProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
        credentials = new CustomerCredentials(properties, this::baseUrl, HTTP_CLIENT,
                Map.of(SECRET_ENV, SECRET, "OPSFLOW_MSP_AZURE_CLIENT_SECRET", "test-only-msp-secret")::get);
        arm = new ArmClient(this::baseUrl, new ArmPipelines(HTTP_CLIENT, credentials, properties));
        delegations = new LighthouseDelegations(arm);
    }

    @Test
    void theDefinitionThenItsAssignmentArePutInTheCustomersTenantUnderIdsFixedPerSubscription() {
        String definitionId = LighthouseDelegations.id("definition", MSP_TENANT, SUBSCRIPTION);
        String assignmentId = LighthouseDelegations.id("assignment", MSP_TENANT, SUBSCRIPTION);
        wm.stubFor(put(urlPathEqualTo(DEFINITIONS + definitionId)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"properties\":{\"provisioningState\":\"Succeeded\"}}")));
        wm.stubFor(put(urlPathEqualTo(ASSIGNMENTS + assignmentId)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"properties\":{\"provisioningState\":\"Succeeded\"}}")));

        String assignment = delegations.delegate(acme(), SUBSCRIPTION, DELEGATION);
        delegations.delegate(acme(), SUBSCRIPTION, DELEGATION);

        assertThat(assignment).isEqualTo(ASSIGNMENTS + assignmentId);
        wm.verify(2, putRequestedFor(urlPathEqualTo(DEFINITIONS + definitionId))
                .withQueryParam("api-version", equalTo("2022-10-01"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalToJson("{\"properties\":{\"registrationDefinitionName\":\"contoso-msp managed services for ACME\","
                        + "\"description\":\"Operations of ACME (acme) by the MSP through opsflow\",\"managedByTenantId\":\"" + MSP_TENANT + "\","
                        + "\"authorizations\":[{\"principalId\":\"0f2e4d6c-8b1a-4c3e-9d5f-7a9b1c3d5e7f\",\"principalIdDisplayName\":\"opsflow automation\","
                        + "\"roleDefinitionId\":\"b24988ac-6180-42a0-ab88-20f7382dd24c\"},{\"principalId\":\"2a4c6e8f-0b1d-4f3a-8c5e-7d9f1b3d5f7a\","
                        + "\"principalIdDisplayName\":\"contoso-msp Azure Operators\",\"roleDefinitionId\":\"acdd72a7-3385-48ef-bd42-f606fba81ae7\"}]}}")));
        wm.verify(2, putRequestedFor(urlPathEqualTo(ASSIGNMENTS + assignmentId)).withRequestBody(equalToJson(
                "{\"properties\":{\"registrationDefinitionId\":\"" + DEFINITIONS + definitionId + "\"}}")));
        assertThat(LighthouseDelegations.id("definition", MSP_TENANT, "00000000-0000-0000-0000-000000000001")).isNotEqualTo(definitionId);
    }

    @Test
    void aCallerWithoutRightsInTheCustomersTenantIsRefusedWithArmsCode() {
        wm.stubFor(put(urlPathMatching(DEFINITIONS + ".*")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"InsufficientPrivilegesForManagedServiceResource\",\"message\":\"The requested user doesn't have sufficient privileges\"}}")));
        assertThatThrownBy(() -> delegations.delegate(acme(), SUBSCRIPTION, DELEGATION)).isInstanceOf(ArmException.class)
                .hasMessageContaining("InsufficientPrivilegesForManagedServiceResource");
        wm.verify(0, putRequestedFor(urlPathMatching(ASSIGNMENTS + ".*")));
    }

    @Test
    void theMspReachesADelegatedSubscriptionWithItsOwnIdentity() {
        Customer delegated = new Customer("acme", "ACME", "ja", new Customer.Azure(TENANT_ID, List.of(SUBSCRIPTION), null,
                new Customer.Credential("lighthouse", null, null)), null, null, null, null, null);
        wm.stubFor(get(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION)).willReturn(okJson(
                "{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"state\":\"Enabled\"}")));
        wm.stubFor(get(urlPathEqualTo("/subscriptions/00000000-0000-0000-0000-000000000009")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"SubscriptionNotFound\",\"message\":\"not found\"}}")));

        assertThat(delegations.reaches(delegated, SUBSCRIPTION)).isTrue();
        assertThat(delegations.reaches(delegated, "00000000-0000-0000-0000-000000000009")).isFalse();
        wm.verify(getRequestedFor(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION)).withHeader("Authorization", equalTo("Bearer msp-token")));
        wm.verify(postRequestedFor(urlPathEqualTo("/" + MSP_TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("client_id=" + MSP_CLIENT)));
    }
}
