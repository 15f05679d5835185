package io.opsflow.customerintake;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the customer intake opens a customer: where its operations repository is made, how master reaches
 * production, whom Azure Lighthouse delegates the customer's subscription to, and opsflow's public URL
 * (the action group's webhook), how often it looks at what it waits for (a new repository, the Azure plan's
 * subscription, the pipeline) and how long for the subscription before asking a person, the ServiceNow catalog
 * item (sys_id or name) whose requested items start an intake, and the groups that become members of a new customer's tenant. No secret here: the MSP app is {@code opsflow.azure.msp}.
 */
@ConfigurationProperties("opsflow.customer-intake")
public record IntakeProperties(
        @DefaultValue("http://localhost:8080") String opsflowUrl,
        @DefaultValue("operators") List<String> memberGroups,
        @DefaultValue("PT30S") Duration pollInterval,
        @DefaultValue("PT1H") Duration subscriptionWait,
        @DefaultValue("opsflow new customer") String serviceNowCatalogItem,
        @DefaultValue Repository repository,
        @DefaultValue Lighthouse lighthouse) {

    /**
     * @param owner       organisation that owns the customers' repositories
     * @param template    {@code owner/name} of the template repository
     * @param merge       {@code direct} (merges API) or {@code pull-request}
     * @param projectSlug CircleCI project slug pattern; {@code {owner}} and {@code {repo}} are replaced
     */
    public record Repository(
            @DefaultValue("contoso-msp") String owner,
            @DefaultValue("contoso-msp/azure-ops-template") String template,
            @DefaultValue("-azure-ops") String suffix,
            @DefaultValue("master") String sourceBranch,
            @DefaultValue("production") String productionBranch,
            @DefaultValue("direct") String merge,
            @DefaultValue("gh/{owner}/{repo}") String projectSlug) {

        String nameFor(String customerId) {
            return customerId + suffix;
        }

        String slugFor(String repositoryName) {
            return projectSlug.replace("{owner}", owner).replace("{repo}", repositoryName);
        }
    }

    /**
     * The MSP side of the delegation: its tenant (default {@code opsflow.azure.msp.tenant-id}, the tenant of
     * the app opsflow signs in with), opsflow's app object id and identifier URI for the action group's
     * Secure Webhook, and the authorizations the registration definition grants.
     */
    public record Lighthouse(
            String managedByTenantId,
            String appObjectId,
            @DefaultValue("api://opsflow") String appIdentifierUri,
            @DefaultValue("opsflow managed operations") String offerName,
            List<Authorization> authorizations) {

        public Lighthouse {
            authorizations = authorizations == null ? List.of() : List.copyOf(authorizations);
        }
    }

    /** One MSP principal (an Entra group or the deploy app) and a built-in role it gets on the subscription. */
    public record Authorization(String principalId, String principalIdDisplayName, String roleDefinitionId) {
    }
}
