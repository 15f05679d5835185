package io.opsflow.azure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-only Azure Monitor operations the monthly service figures come from, on the one ARM client. */
@Configuration(proxyBeanMethods = false)
class MonitorReadingConfiguration {

    @Bean
    ResourceGraphInventory resourceGraphInventory(ArmClient arm) {
        return new ResourceGraphInventory(arm);
    }

    @Bean
    MonitorMetrics monitorMetrics(ArmClient arm) {
        return new MonitorMetrics(arm);
    }

    @Bean
    ResourceHealthHistory resourceHealthHistory(ArmClient arm) {
        return new ResourceHealthHistory(arm);
    }

    @Bean
    LogAnalyticsQueries logAnalyticsQueries(ArmClient arm) {
        return new LogAnalyticsQueries(arm);
    }
}
