package io.opsflow.azure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;

import io.opsflow.customer.Customer;

/**
 * Production {@link ArmAuthentication}: one Entra token credential per customer, built from the
 * registry's credential reference ({@code azure.credential}) and cached per customer id. The registry
 * holds only the <em>name</em> of the environment variable with a client secret; the secret is read
 * here, when the customer's credential is first needed, and never logged.
 */
public class CustomerCredentials implements ArmAuthentication {

    static final String CLIENT_SECRET = "client-secret";
    static final String MANAGED_IDENTITY = "managed-identity";
    static final String WORKLOAD_IDENTITY = "workload-identity";
    /** Delegated through Azure Lighthouse: the MSP's own app ({@code opsflow.azure.msp}) signs in to the MSP's tenant. */
    static final String LIGHTHOUSE = "lighthouse";
    /** Set by AKS workload identity on the pod, like the client and tenant ids the registry already holds. */
    static final String FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";

    private final AzureProperties properties;
    private final AzureEndpoint endpoint;
    private final HttpClient httpClient;
    private final Function<String, String> environment;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, CachedCredential> auxiliary = new ConcurrentHashMap<>();

    /**
     * @param httpClient  the client the credential uses to reach the authority (the same one as ARM's)
     * @param environment looks an environment variable up by name ({@code System::getenv} in production)
     */
    public CustomerCredentials(AzureProperties properties, AzureEndpoint endpoint, HttpClient httpClient,
                               Function<String, String> environment) {
        this.properties = properties;
        this.endpoint = endpoint;
        this.httpClient = httpClient;
        this.environment = environment;
    }

    @Override
    public HttpPipelinePolicy policyFor(Customer customer) {
        Fingerprint fingerprint = Fingerprint.of(customer);
        Cached cached = cache.get(customer.id());
        if (cached != null && cached.fingerprint.equals(fingerprint)) {
            return cached.policy;
        }
        HttpPipelinePolicy policy = new BearerTokenAuthenticationPolicy(credentialFor(customer),
                endpoint.resourceManagerEndpoint() + "/.default");
        cache.put(customer.id(), new Cached(fingerprint, policy));
        return policy;
    }

    /**
     * A token from {@code tenantId} for the customer's app registration, which must be multi-tenant and
     * consented there (a CSP partner's tenant). The credential, allowed that one further tenant, is kept
     * per customer and tenant, so MSAL's token cache spares a token request per ARM call.
     */
    @Override
    public String auxiliaryToken(Customer customer, String tenantId) {
        Fingerprint fingerprint = Fingerprint.of(customer);
        String key = customer.id() + '|' + tenantId;
        CachedCredential cached = auxiliary.get(key);
        if (cached == null || !cached.fingerprint.equals(fingerprint)) {
            cached = new CachedCredential(fingerprint, credentialFor(customer, tenantId));
            auxiliary.put(key, cached);
        }
        return cached.credential.getTokenSync(new TokenRequestContext()
                .addScopes(endpoint.resourceManagerEndpoint() + "/.default").setTenantId(tenantId)).getToken();
    }

    /** The token credential for the customer's registry entry (not cached; {@link #policyFor} is). */
    TokenCredential credentialFor(Customer customer) {
        return credentialFor(customer, null);
    }

    /** The same, also allowed to ask {@code auxiliaryTenantId} (when not null) for tokens. */
    private TokenCredential credentialFor(Customer customer, String auxiliaryTenantId) {
        List<String> alsoAllowed = auxiliaryTenantId == null ? List.of() : List.of(auxiliaryTenantId);
        Customer.Azure azure = customer.azure();
        Customer.Credential credential = azure == null ? null : azure.credential();
        if (credential == null || credential.type() == null) {
            throw new IllegalStateException("Customer '" + customer.id() + "' has no azure.credential");
        }
        return switch (credential.type()) {
            case CLIENT_SECRET -> withAuthority(new ClientSecretCredentialBuilder()
                    .tenantId(required(customer, "azure.tenantId", azure.tenantId()))
                    .clientId(required(customer, "azure.credential.clientId", credential.clientId()))
                    .clientSecret(secret(customer, credential))
                    .additionallyAllowedTenants(alsoAllowed)
                    .httpClient(httpClient))
                    .build();
            case MANAGED_IDENTITY -> {
                if (auxiliaryTenantId != null) {
                    throw new IllegalStateException("Customer '" + customer.id() + "': a managed identity gets no token"
                            + " from the auxiliary tenant " + auxiliaryTenantId + "; use a multi-tenant app registration");
                }
                ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder().httpClient(httpClient);
                if (credential.clientId() != null && !credential.clientId().isBlank()) {
                    builder.clientId(credential.clientId());
                }
                yield builder.build();
            }
            case WORKLOAD_IDENTITY -> withAuthority(new WorkloadIdentityCredentialBuilder()
                    .tenantId(required(customer, "azure.tenantId", azure.tenantId()))
                    .clientId(required(customer, "azure.credential.clientId", credential.clientId()))
                    .tokenFilePath(variable(customer, FEDERATED_TOKEN_FILE, "the federated token file of workload identity"))
                    .additionallyAllowedTenants(alsoAllowed)
                    .httpClient(httpClient))
                    .build();
            case LIGHTHOUSE -> withAuthority(new ClientSecretCredentialBuilder()
                    .tenantId(required(customer, "opsflow.azure.msp.tenant-id", properties.msp().tenantId()))
                    .clientId(required(customer, "opsflow.azure.msp.client-id", properties.msp().clientId()))
                    .clientSecret(variable(customer, properties.msp().secretEnv(), "the MSP app's client secret (opsflow.azure.msp.secret-env)"))
                    .additionallyAllowedTenants(alsoAllowed)
                    .httpClient(httpClient))
                    .build();
            default -> throw new IllegalStateException("Customer '" + customer.id() + "': unknown azure.credential.type '"
                    + credential.type() + "' (client-secret, managed-identity, workload-identity or lighthouse)");
        };
    }

    /**
     * The cloud's authority host; an explicitly configured one (a private or test authority) is not
     * known to MSAL's instance discovery, which would otherwise ask login.microsoftonline.com about it.
     */
    private <B extends AadCredentialBuilderBase<B>> B withAuthority(B builder) {
        builder.authorityHost(properties.effectiveAuthorityHost());
        if (properties.authorityHost() != null && !properties.authorityHost().isBlank()) {
            builder.disableInstanceDiscovery();
        }
        return builder;
    }

    private String secret(Customer customer, Customer.Credential credential) {
        String variable = required(customer, "azure.credential.secretEnv", credential.secretEnv());
        return variable(customer, variable, "the client secret (named by azure.credential.secretEnv)");
    }

    private String variable(Customer customer, String variable, String holding) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Customer '" + customer.id() + "': the environment variable " + variable
                    + " holding " + holding + " is not set");
        }
        return value;
    }

    private static String required(Customer customer, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Customer '" + customer.id() + "' has no " + field);
        }
        return value;
    }

    private record Cached(Fingerprint fingerprint, HttpPipelinePolicy policy) {
    }

    private record CachedCredential(Fingerprint fingerprint, TokenCredential credential) {
    }

    /** What the credential is built from: a changed registry entry gets a new credential. */
    record Fingerprint(String tenantId, Customer.Credential credential) {
        static Fingerprint of(Customer customer) {
            Customer.Azure azure = Objects.requireNonNullElseGet(customer.azure(),
                    () -> new Customer.Azure(null, null, null, null));
            return new Fingerprint(azure.tenantId(), azure.credential());
        }
    }
}
