package io.opsflow.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.azure.core.http.HttpHeaderName;

import io.opsflow.azure.ArmAuthentication;
import io.opsflow.circleci.CircleCiEndpoint;
import io.opsflow.customer.Customer;
import io.opsflow.azure.AzureEndpoint;
import io.opsflow.partnercenter.PartnerCenterEndpoint;
import io.opsflow.github.GitHubEndpoint;
import io.opsflow.servicenow.ServiceNowEndpoint;
import io.opsflow.zabbix.ZabbixEndpoint;

/**
 * In sandbox mode the adapters call this application's own simulators over HTTP. The port is known
 * only once the web server runs, so it is read at each request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxEndpoints {

    @Bean
    ServiceNowEndpoint sandboxServiceNowEndpoint(Environment environment) {
        return () -> self(environment) + "/sandbox/servicenow";
    }

    @Bean
    AzureEndpoint sandboxAzureEndpoint(Environment environment) {
        return () -> self(environment) + ArmSimulator.PREFIX;
    }

    /** The simulator for the API and its token endpoint; the secrets are stand-ins it accepts. */
    @Bean
    PartnerCenterEndpoint sandboxPartnerCenterEndpoint(Environment environment) {
        return new PartnerCenterEndpoint() {
            @Override
            public String baseUrl() {
                return self(environment) + SimulatedPartnerCenter.PREFIX;
            }

            @Override
            public String authority() {
                return self(environment) + SimulatedPartnerCenter.LOGIN;
            }

            @Override
            public String secret(String name) {
                return "sandbox-" + name;
            }
        };
    }

    @Bean
    GitHubEndpoint sandboxGitHubEndpoint(Environment environment) {
        return GitHubEndpoint.of(() -> self(environment) + SimulatedGitHub.PREFIX, () -> "sandbox-github-token");
    }

    @Bean
    CircleCiEndpoint sandboxCircleCiEndpoint(Environment environment) {
        return CircleCiEndpoint.of(() -> self(environment) + SimulatedCircleCi.PREFIX, () -> "sandbox-circleci-token");
    }

    /** Every customer's Zabbix API (the demo customer names one) is the simulator; the token is a stand-in it accepts. */
    @Bean
    ZabbixEndpoint sandboxZabbixEndpoint(Environment environment) {
        return new ZabbixEndpoint() {
            @Override
            public String apiUrl(Customer customer) {
                return self(environment) + SimulatedZabbix.PREFIX;
            }

            @Override
            public String token(Customer customer) {
                return "sandbox-zabbix-" + customer.id();
            }
        };
    }

    /**
     * The one difference from production: a fixed token instead of the customer's Entra credential
     * (whose bearer policy would also refuse the simulator's plain HTTP).
     */
    @Bean
    ArmAuthentication sandboxArmAuthentication() {
        return customer -> (context, next) -> {
            context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer sandbox-" + customer.id());
            return next.process();
        };
    }

    static String self(Environment environment) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("The sandbox simulators are reachable only once the web server has started");
        }
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "");
    }
}
