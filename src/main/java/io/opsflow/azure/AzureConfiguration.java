package io.opsflow.azure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.HttpClientOptions;

import io.opsflow.customer.Customer;
import io.opsflow.servicenow.ConditionalOnServiceNowInstance;

/**
 * Wires the Azure adapter. The ARM endpoint and the authentication are seams: in production (a
 * ServiceNow base URL is configured) they come from {@link AzureProperties} and the customers'
 * credentials; otherwise sandbox mode supplies its own {@link AzureEndpoint} and
 * {@link ArmAuthentication} beans. Both are looked up per request, so the ARM client can exist before
 * (and without) them.
 */
@Configuration(proxyBeanMethods = false)
class AzureConfiguration {

    @Bean
    HttpClient azureHttpClient(AzureProperties properties) {
        return HttpClient.createDefault(new HttpClientOptions()
                .setConnectTimeout(properties.connectTimeout())
                .setResponseTimeout(properties.responseTimeout())
                .setReadTimeout(properties.responseTimeout()));
    }

    @Bean
    @ConditionalOnServiceNowInstance
    AzureEndpoint cloudAzureEndpoint(AzureProperties properties) {
        String endpoint = properties.effectiveResourceManagerEndpoint();
        return () -> endpoint;
    }

    @Bean
    @ConditionalOnServiceNowInstance
    CustomerCredentials customerCredentials(AzureProperties properties, AzureEndpoint endpoint, HttpClient azureHttpClient) {
        return new CustomerCredentials(properties, endpoint, azureHttpClient, System::getenv);
    }

    @Bean
    ArmClient armClient(ObjectProvider<AzureEndpoint> endpoints, ObjectProvider<ArmAuthentication> authentications,
                        HttpClient azureHttpClient, AzureProperties properties) {
        AzureEndpoint endpoint = () -> required(endpoints, AzureEndpoint.class).resourceManagerEndpoint();
        ArmAuthentication authentication = new ArmAuthentication() {
            @Override
            public HttpPipelinePolicy policyFor(Customer customer) {
                return required(authentications, ArmAuthentication.class).policyFor(customer);
            }

            @Override
            public String auxiliaryToken(Customer customer, String tenantId) {
                return required(authentications, ArmAuthentication.class).auxiliaryToken(customer, tenantId);
            }
        };
        return ArmClient.of(endpoint, authentication, azureHttpClient, properties);
    }

    @Bean
    AutomationJobs automationJobs(ArmClient arm) {
        return new AutomationJobs(arm);
    }

    @Bean
    SupportTickets supportTickets(ArmClient arm) {
        return new SupportTickets(arm);
    }

    @Bean
    SupportCommunications supportCommunications(ArmClient arm) {
        return new SupportCommunications(arm);
    }

    @Bean
    SupportCatalog supportCatalog(ArmClient arm) {
        return new SupportCatalog(arm, Clock.systemUTC());
    }

    @Bean
    MonitorAlertRules monitorAlertRules(ArmClient arm) {
        return new MonitorAlertRules(arm);
    }

    @Bean
    LighthouseDelegations lighthouseDelegations(ArmClient arm) {
        return new LighthouseDelegations(arm);
    }

    @Bean
    AzureResources azureResources(ArmClient arm) {
        return new AzureResources(arm);
    }

    private static <T> T required(ObjectProvider<T> provider, Class<T> type) {
        T bean = provider.getIfAvailable();
        if (bean == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + " bean: set opsflow.servicenow.base-url for"
                    + " production, or run in sandbox mode");
        }
        return bean;
    }
}
