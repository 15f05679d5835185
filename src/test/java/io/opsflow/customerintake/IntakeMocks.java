package io.opsflow.customerintake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.opsflow.azure.AzureProperties;
import io.opsflow.azure.AzureResources;
import io.opsflow.azure.LighthouseDelegations;
import io.opsflow.circleci.CircleCi;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.github.GitHub;
import io.opsflow.partnercenter.PartnerCenter;
import io.opsflow.servicenow.ServiceNowClient;

/** The intake's real delegates around the given ports, under their bean names. */
final class IntakeMocks {

    /** The design handover the intake starts last: a fresh mock per registration, for tests that look at it. */
    static io.opsflow.handover.DesignHandovers handovers;


    static final String MSP_TENANT = "7d3c1a2b-5e4f-4a6b-9c8d-1e2f3a4b5c6d";
    static final IntakeProperties PROPERTIES = new IntakeProperties("https://opsflow.example.com/", List.of("operators"), Duration.ofSeconds(30), Duration.ofHours(1), "opsflow new customer",
            new IntakeProperties.Repository("contoso-msp", "contoso-msp/azure-ops-template", "-azure-ops", "master", "production",
                    "direct", "gh/{owner}/{repo}"),
            new IntakeProperties.Lighthouse(MSP_TENANT,
                    "11111111-2222-3333-4444-555555555555", "api://opsflow", "opsflow managed operations",
                    List.of(new IntakeProperties.Authorization("aaaaaaaa-0000-0000-0000-000000000001", "MSP operators",
                            "acdd72a7-3385-48ef-bd42-f606fba81ae7"))));
    static final AzureProperties AZURE = new AzureProperties(AzureProperties.Cloud.AZURE, null, null, Duration.ofSeconds(5),
            Duration.ofSeconds(5), new AzureProperties.Retry(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
            new AzureProperties.Msp(MSP_TENANT, "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "OPSFLOW_MSP_AZURE_CLIENT_SECRET"));

    private IntakeMocks() {
    }

    /** {@code partnerCenter} null: Partner Center is not configured. */
    static void register(PartnerCenter partnerCenter, GitHub gitHub, CircleCi circleCi, LighthouseDelegations lighthouse,
            AzureResources resources, CustomerRegistry customers, ServiceNowClient serviceNow) {
        register(PROPERTIES, partnerCenter, gitHub, circleCi, lighthouse, resources, customers, serviceNow);
    }

    /** The same with other intake settings (a template and branches as the contracts name them). */
    static void register(IntakeProperties properties, PartnerCenter partnerCenter, GitHub gitHub, CircleCi circleCi,
            LighthouseDelegations lighthouse, AzureResources resources, CustomerRegistry customers, ServiceNowClient serviceNow) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(partnerCenter == null
                ? Map.of("gitHub", gitHub, "circleCi", circleCi)
                : Map.of("partnerCenter", partnerCenter, "gitHub", gitHub, "circleCi", circleCi));
        PartnerCenterAccess partnerCenterAccess = new PartnerCenterAccess(beans.getBeanProvider(PartnerCenter.class));
        GitHubAccess gitHubAccess = new GitHubAccess(beans.getBeanProvider(GitHub.class), beans.getBeanProvider(CircleCi.class));
        IntakeIdentities identities = new IntakeIdentities(AZURE);
        Mocks.register("validateIntakeDelegate", new ValidateIntakeDelegate(customers, partnerCenterAccess, properties));
        Mocks.register("createCustomerTenantDelegate", new CreateCustomerTenantDelegate(partnerCenterAccess));
        Mocks.register("orderAzurePlanDelegate", new OrderAzurePlanDelegate(partnerCenterAccess));
        Mocks.register("findAzureSubscriptionDelegate", new FindAzureSubscriptionDelegate(partnerCenterAccess, properties));
        Mocks.register("verifyCustomerTenantDelegate", new VerifyCustomerTenantDelegate(lighthouse, identities));
        Mocks.register("delegateAzureAccessDelegate", new DelegateAzureAccessDelegate(lighthouse, identities, properties.lighthouse()));
        Mocks.register("verifyDelegatedAccessDelegate", new VerifyDelegatedAccessDelegate(lighthouse, identities));
        Mocks.register("createOperationsRepositoryDelegate", new CreateOperationsRepositoryDelegate(gitHubAccess, properties));
        Mocks.register("checkRepositoryReadyDelegate", new CheckRepositoryReadyDelegate(gitHubAccess, properties));
        Mocks.register("writeRepositoryFilesDelegate", new WriteRepositoryFilesDelegate(gitHubAccess, properties, properties.lighthouse()));
        Mocks.register("mergeToProductionDelegate", new MergeToProductionDelegate(gitHubAccess, properties));
        Mocks.register("followPipelineDelegate", new FollowPipelineDelegate(gitHubAccess, properties));
        Mocks.register("approvePipelineDelegate", new ApprovePipelineDelegate(gitHubAccess));
        Mocks.register("rerunPipelineDelegate", new RerunPipelineDelegate(gitHubAccess));
        Mocks.register("startDesignHandoverDelegate", new StartDesignHandoverDelegate(handovers = org.mockito.Mockito.mock(io.opsflow.handover.DesignHandovers.class)));
        Mocks.register("verifyCommonResourcesDelegate", new VerifyCommonResourcesDelegate(resources, identities, properties));
        Mocks.register("describeIntakeTaskListener", new DescribeIntakeTaskListener());
        Mocks.register("ensureServiceNowCompanyDelegate", new EnsureServiceNowCompanyDelegate(serviceNow));
        Mocks.register("registerCustomerDelegate", new RegisterCustomerDelegate(customers, identities, properties, properties.lighthouse()));
    }
}
