package io.opsflow.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.opsflow.webhook.Fixtures.ACME;
import static io.opsflow.webhook.Fixtures.ACME_AUDIENCE;
import static io.opsflow.webhook.Fixtures.ACME_TENANT;
import static io.opsflow.webhook.Fixtures.GLOBEX_SUBSCRIPTION;
import static io.opsflow.webhook.Fixtures.body;
import static io.opsflow.webhook.Fixtures.bytes;
import static io.opsflow.webhook.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.opsflow.customer.CustomerRegistry;
import io.opsflow.incident.Alert;
import io.opsflow.incident.IncidentIntake;
import io.opsflow.intake.IntakeResult.Outcome;

/**
 * Azure Monitor Secure Webhook: tokens signed here with a generated RSA key, whose public half is
 * the tenant's JWKS served by WireMock at the path Entra publishes it under.
 */
@WebMvcTest(controllers = AzureMonitorWebhookController.class)
@Import({AzureMonitorAlerts.class, AlertWebhooks.class, WebhookCredentials.class, SecureWebhookTokens.class, WebhookSliceConfiguration.class})
class AzureMonitorSecureWebhookTest {

    static final WireMockServer ENTRA = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RSAKey TENANT_KEY = key();
    static final RSAKey FOREIGN_KEY = key();
    static final String KEYS_PATH = "/" + ACME_TENANT + "/discovery/v2.0/keys";
    static final String V1_ISSUER = "https://sts.windows.net/" + ACME_TENANT + "/";
    static final String V2_ISSUER = "https://login.microsoftonline.com/" + ACME_TENANT + "/v2.0";
    /** The application (client) id of acme's app registration, accepted besides its Application ID URI. */
    static final String ACME_CLIENT_ID = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";

    static {
        ENTRA.start();
    }

    @DynamicPropertySource
    static void entra(DynamicPropertyRegistry registry) {
        registry.add("opsflow.webhook.azure-monitor.jwks-base-url", ENTRA::baseUrl);
    }

    @AfterAll
    static void stopEntra() {
        ENTRA.stop();
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    IncidentIntake intake;
    @MockitoBean
    CustomerRegistry customers;

    @BeforeEach
    void acmeHasASecureWebhookAndItsTenantPublishesItsKey() {
        ENTRA.resetAll();
        ENTRA.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(okJson(new JWKSet(TENANT_KEY.toPublicJWK()).toString())));
        var azure = ACME.azure();
        var withClientId = new io.opsflow.customer.Customer.Azure(azure.tenantId(), azure.subscriptionIds(), azure.automationAccount(),
                azure.credential(), new io.opsflow.customer.Customer.MonitorWebhook(null, null, List.of(ACME_AUDIENCE, ACME_CLIENT_ID)));
        when(customers.find("acme")).thenReturn(Optional.of(new io.opsflow.customer.Customer(ACME.id(), ACME.displayName(), ACME.locale(),
                withClientId, ACME.servicenow(), ACME.zabbix(), null, null, null)));
        when(intake.receive(any(Alert.class))).thenReturn(result(Outcome.STARTED, "INC-business-key"));
    }

    @Test
    void aGoodV1TokenForTheApplicationIdUriIsAccepted() throws Exception {
        send(token(TENANT_KEY, claims(V1_ISSUER, ACME_AUDIENCE)), alert()).andExpect(status().isAccepted());
        ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
        verify(intake).receive(alert.capture());
        assertThat(alert.getValue().customerId()).isEqualTo("acme");
    }

    @Test
    void aGoodV2TokenForTheClientIdIsAcceptedAndTheKeysAreCached() throws Exception {
        send(token(TENANT_KEY, claims(V2_ISSUER, ACME_CLIENT_ID)), alert()).andExpect(status().isAccepted());
        send(token(TENANT_KEY, claims(V2_ISSUER, ACME_CLIENT_ID)), alert()).andExpect(status().isAccepted());
        // The decoder of the tenant is shared by the tests of this class: at most one fetch since the reset.
        assertThat(ENTRA.findAll(getRequestedFor(urlPathEqualTo(KEYS_PATH)))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aWrongAudienceIs401NamingIt() throws Exception {
        send(token(TENANT_KEY, claims(V1_ISSUER, "api://opsflow-globex-alerts")), alert())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The bearer token's audience [api://opsflow-globex-alerts] is not customer "
                        + "'acme''s [" + ACME_AUDIENCE + ", " + ACME_CLIENT_ID + "]"));
        verifyNoInteractions(intake);
    }

    @Test
    void aWrongSignatureIs401NamingIt() throws Exception {
        // Signed by a key of the same id that the tenant never published.
        RSAKey forged = new RSAKey.Builder(FOREIGN_KEY).keyID(TENANT_KEY.getKeyID()).build();
        send(token(forged, claims(V1_ISSUER, ACME_AUDIENCE)), alert())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("The bearer token's signature does not verify against tenant " + ACME_TENANT),
                        org.hamcrest.Matchers.containsString("Invalid signature"))));
        verifyNoInteractions(intake);
    }

    @Test
    void anotherTenantsIssuerIs401NamingIt() throws Exception {
        send(token(TENANT_KEY, claims("https://sts.windows.net/0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9/", ACME_AUDIENCE)), alert())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The bearer token is not valid: its issuer "
                        + "'https://sts.windows.net/0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9/' is not tenant " + ACME_TENANT)));
        verifyNoInteractions(intake);
    }

    @Test
    void anExpiredTokenIs401NamingIt() throws Exception {
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims(V1_ISSUER, ACME_AUDIENCE))
                .issueTime(Date.from(Instant.now().minusSeconds(7200))).notBeforeTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build();
        send(token(TENANT_KEY, expired), alert())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("The bearer token is not valid: "),
                        org.hamcrest.Matchers.containsString("expired"))));
        verifyNoInteractions(intake);
    }

    @Test
    void aTokenWithoutTheActionGroupRoleIs401NamingIt() throws Exception {
        JWTClaimsSet noRole = new JWTClaimsSet.Builder(claims(V1_ISSUER, ACME_AUDIENCE)).claim("roles", null).build();
        send(token(TENANT_KEY, noRole), alert())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "The bearer token lacks the app role ActionGroupsSecureWebhook")));
        verifyNoInteractions(intake);
    }

    @Test
    void aValidTokenWithAnotherCustomersSubscriptionIs403AndStartsNothing() throws Exception {
        ObjectNode body = body("azure-monitor/alert-metric-fired.json");
        ((ObjectNode) body.at("/data/essentials")).putArray("alertTargetIDs")
                .add("/subscriptions/" + GLOBEX_SUBSCRIPTION + "/resourcegroups/rg-globex-prod");
        send(token(TENANT_KEY, claims(V1_ISSUER, ACME_AUDIENCE)), bytes(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("data.essentials.alertTargetIDs[0]"));
        verifyNoInteractions(intake);
    }

    @Test
    void unreachableKeysAre503SoAzureRetries() throws Exception {
        // A tenant whose decoder has no keys cached yet, so the failing JWKS is really fetched.
        String tenant = UUID.randomUUID().toString();
        ENTRA.stubFor(get(urlPathEqualTo("/" + tenant + "/discovery/v2.0/keys")).willReturn(serverError()));
        var azure = ACME.azure();
        when(customers.find("acme")).thenReturn(Optional.of(new io.opsflow.customer.Customer(ACME.id(), ACME.displayName(), ACME.locale(),
                new io.opsflow.customer.Customer.Azure(azure.tenantId(), azure.subscriptionIds(), null, azure.credential(),
                        new io.opsflow.customer.Customer.MonitorWebhook(null, tenant, List.of(ACME_AUDIENCE))),
                null, null, null, null, null)));
        send(token(TENANT_KEY, claims("https://sts.windows.net/" + tenant + "/", ACME_AUDIENCE)), alert())
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The signing keys of tenant " + tenant
                        + " cannot be fetched")));
        verifyNoInteractions(intake);
    }

    private static JWTClaimsSet claims(String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("b1b2c3d4-0000-4000-8000-00000000a9a9")
                .issueTime(Date.from(now.minusSeconds(60))).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("appid", "461e8683-5575-4561-ac7f-899cc907d62a").claim("tid", ACME_TENANT)
                .claim("roles", List.of("ActionGroupsSecureWebhook")).claim("ver", issuer.endsWith("v2.0") ? "2.0" : "1.0")
                .build();
    }

    private static String token(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("entra-key-" + UUID.randomUUID()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] alert() {
        return bytes(body("azure-monitor/alert-metric-fired.json"));
    }

    private ResultActions send(String bearer, byte[] body) throws Exception {
        return mvc.perform(post("/webhooks/azure-monitor/acme").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
