package io.opsflow.customerintake;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.client.WebClient;

import com.azure.core.http.HttpClient;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.opsflow.azure.ArmClient;
import io.opsflow.azure.ArmTestTls;
import io.opsflow.azure.AzureEndpoint;
import io.opsflow.azure.AzureProperties;
import io.opsflow.azure.AzureResources;
import io.opsflow.azure.CustomerCredentials;
import io.opsflow.azure.LighthouseDelegations;
import io.opsflow.circleci.CircleCiEndpoint;
import io.opsflow.circleci.CircleCiProperties;
import io.opsflow.circleci.HttpCircleCi;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.github.GitHubEndpoint;
import io.opsflow.github.GitHubProperties;
import io.opsflow.github.HttpGitHub;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.OutboundSettings;
import io.opsflow.outbound.VirtualTime;
import io.opsflow.partnercenter.HttpPartnerCenter;
import io.opsflow.partnercenter.PartnerCenterEndpoint;
import io.opsflow.partnercenter.PartnerCenterProperties;
import io.opsflow.servicenow.ServiceNowProperties;
import io.opsflow.servicenow.TableApiServiceNowClient;

/**
 * The intake's delegates around its real adapters (Partner Center, GitHub, CircleCI, ARM with the real
 * Entra credentials, ServiceNow), each pointed at its own WireMock server. Every adapter tries a call once:
 * a lost answer fails the job, and the job's retry is what the tests watch.
 */
final class IntakeWireMock {

    static final String MSP_TENANT = IntakeMocks.MSP_TENANT;
    static final String MSP_CLIENT = IntakeMocks.AZURE.msp().clientId();
    static final String GITHUB_TOKEN = "github_pat_test";
    static final String CIRCLE_TOKEN = "circle-test-token";
    /** "svc_opsflow:s3cret" */
    static final String SERVICENOW_BASIC = "Basic c3ZjX29wc2Zsb3c6czNjcmV0";
    /** The intake's settings with the template, branch and opsflow URL the contracts' examples use. */
    static final IntakeProperties PROPERTIES = new IntakeProperties("https://opsflow.contoso-msp.example", List.of("operators"),
            Duration.ofSeconds(30), Duration.ofHours(1), "opsflow new customer",
            new IntakeProperties.Repository("contoso-msp", "contoso-msp/azure-landing-zone-template", "-azure-ops", "main",
                    "production", "direct", "gh/{owner}/{repo}"),
            IntakeMocks.PROPERTIES.lighthouse());

    private static final HttpClient AZURE_HTTP = ArmTestTls.trustingHttpClient();
    private static final Map<String, String> ENVIRONMENT = Map.of("OPSFLOW_PARTNER_CENTER_CLIENT_SECRET", "<app secret>",
            "OPSFLOW_PARTNER_CENTER_REFRESH_TOKEN", "<refresh token>", IntakeMocks.AZURE.msp().secretEnv(), "test-only-msp-secret");

    private IntakeWireMock() {
    }

    static WireMockExtension http() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** ARM and Entra ID: HTTPS, as the bearer-token policy insists. */
    static WireMockExtension https() {
        return WireMockExtension.newInstance().options(ArmTestTls.httpsOnly()).build();
    }

    /** Registers the delegates with adapters on {@code partnerCenter}, {@code gitHub}, {@code circleCi}, {@code arm}, {@code serviceNow}. */
    static void register(WireMockExtension partnerCenter, WireMockExtension gitHub, WireMockExtension circleCi, WireMockExtension arm,
            WireMockExtension serviceNow, CustomerRegistry customers) {
        VirtualTime time = new VirtualTime();
        ArmClient armClient = armClient(arm);
        IntakeMocks.register(PROPERTIES, partnerCenter(partnerCenter, time),
                HttpGitHub.of(outbound(gitHubProperties(), time), GitHubEndpoint.of(gitHub::baseUrl, () -> GITHUB_TOKEN), gitHubProperties(), time),
                HttpCircleCi.of(outbound(circleCiProperties(), time),
                        CircleCiEndpoint.of(() -> circleCi.baseUrl() + "/api/v2", () -> CIRCLE_TOKEN), circleCiProperties()),
                new LighthouseDelegations(armClient), new AzureResources(armClient), customers, serviceNow(serviceNow, time));
    }

    /** What the server received, oldest first, as {@code METHOD path} (query strings left out). */
    static List<String> requests(WireMockExtension server) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl().replaceAll("\\?.*", "")).toList();
    }

    static String armUrl(WireMockExtension arm) {
        return arm.getRuntimeInfo().getHttpsBaseUrl();
    }

    private static HttpPartnerCenter partnerCenter(WireMockExtension server, VirtualTime time) {
        PartnerCenterProperties properties = new PartnerCenterProperties("unused", "unused", MSP_TENANT, "opsflow-partner-app",
                "OPSFLOW_PARTNER_CENTER_CLIENT_SECRET", "OPSFLOW_PARTNER_CENTER_REFRESH_TOKEN", "JP", "ja-JP", "one_time",
                Duration.ofSeconds(1), Duration.ofSeconds(5), new PartnerCenterProperties.Retry(1, Duration.ofMillis(10),
                        Duration.ofMillis(10), Duration.ofSeconds(1)));
        PartnerCenterEndpoint endpoint = new PartnerCenterEndpoint() {
            @Override
            public String baseUrl() {
                return server.baseUrl();
            }

            @Override
            public String authority() {
                return server.baseUrl();
            }

            @Override
            public String secret(String name) {
                return ENVIRONMENT.get(name);
            }
        };
        return HttpPartnerCenter.of(outbound(properties, time), properties, endpoint, time);
    }

    private static GitHubProperties gitHubProperties() {
        return new GitHubProperties("unused", "2022-11-28", "UNUSED", Duration.ofSeconds(1), Duration.ofSeconds(5), 5, Duration.ofMillis(10),
                new GitHubProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
    }

    private static CircleCiProperties circleCiProperties() {
        return new CircleCiProperties("unused", "UNUSED", "https://app.circleci.com", Duration.ofSeconds(1), Duration.ofSeconds(5),
                new CircleCiProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
    }

    private static TableApiServiceNowClient serviceNow(WireMockExtension server, VirtualTime time) {
        ServiceNowProperties properties = new ServiceNowProperties(null, "svc_opsflow", "s3cret", null, Duration.ofSeconds(1),
                Duration.ofSeconds(5), new ServiceNowProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
        return new TableApiServiceNowClient(outbound(properties, time), properties, server::baseUrl);
    }

    /** The MSP app signs in to the customer's tenant or its own, with a real client-secret credential against the stub. */
    private static ArmClient armClient(WireMockExtension server) {
        AzureProperties properties = new AzureProperties(AzureProperties.Cloud.AZURE, armUrl(server), armUrl(server),
                Duration.ofSeconds(5), Duration.ofSeconds(10), new AzureProperties.Retry(0, Duration.ofMillis(10), Duration.ofMillis(10),
                        Duration.ofSeconds(1)), IntakeMocks.AZURE.msp());
        AzureEndpoint endpoint = () -> armUrl(server);
        return ArmClient.of(endpoint, new CustomerCredentials(properties, endpoint, AZURE_HTTP, ENVIRONMENT::get), AZURE_HTTP, properties);
    }

    /** On virtual time: a hold or {@code Retry-After} is recorded, not waited. */
    private static OutboundClient outbound(OutboundSettings settings, VirtualTime time) {
        return new OutboundClient(WebClient.builder(), settings, time);
    }
}
