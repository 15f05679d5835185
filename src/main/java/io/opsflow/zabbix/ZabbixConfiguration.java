package io.opsflow.zabbix;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.opsflow.customer.Customer;
import io.opsflow.outbound.DestinationGoneListener;
import io.opsflow.outbound.DestinationStore;
import io.opsflow.outbound.OutboundClient;
import io.opsflow.outbound.Timing;

@Configuration(proxyBeanMethods = false)
class ZabbixConfiguration {

    /**
     * Always created: a customer without an API, or whose token variable is unset, fails only the call
     * that needs it. Sandbox mode brings its own {@link ZabbixEndpoint}. Holds after a 429 are kept in
     * the shared database like the other adapters'.
     */
    @Bean
    ZabbixApi zabbixApi(WebClient.Builder webClientBuilder, ZabbixProperties properties,
            ObjectProvider<ZabbixEndpoint> endpoints, ObjectProvider<DestinationStore> store) {
        OutboundClient outbound = new OutboundClient(webClientBuilder, properties, Timing.SYSTEM,
                store.getIfAvailable(DestinationStore::inMemory), DestinationGoneListener.NONE);
        return new ZabbixApi(outbound, endpoints.getIfAvailable(ZabbixConfiguration::registry), Clock.systemUTC());
    }

    /** The customer's {@code zabbix.apiUrl}, with the token from the environment variable {@code zabbix.apiTokenEnv} names. */
    static ZabbixEndpoint registry() {
        return new ZabbixEndpoint() {
            @Override
            public String apiUrl(Customer customer) {
                Customer.Zabbix zabbix = customer.zabbix();
                if (zabbix == null || zabbix.apiUrl() == null || zabbix.apiUrl().isBlank()) {
                    throw new ZabbixException("Customer " + customer.id() + " has no Zabbix API (zabbix.apiUrl):"
                            + " its monitoring goes to Zabbix as an import file", 0, true, null);
                }
                return zabbix.apiUrl().replaceAll("/+$", "");
            }

            @Override
            public String token(Customer customer) {
                String variable = customer.zabbix().apiTokenEnv();
                String token = variable == null ? null : System.getenv(variable);
                if (token == null || token.isBlank()) {
                    throw new ZabbixException("Zabbix API token of customer " + customer.id()
                            + " missing: set the environment variable " + variable + " (zabbix.apiTokenEnv)", 0, true, null);
                }
                return token;
            }
        };
    }
}
