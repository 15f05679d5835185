package io.opsflow.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.access.CustomerTenantIdProvider;

/** Engine settings that need code rather than {@code camunda.bpm.*} properties. */
@Configuration
class EngineConfiguration {

    /** Slugs such as {@code design-team} or {@code acme-corp}; Camunda's default allows no hyphen. */
    static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    @Bean
    ProcessEnginePlugin opsflowEnginePlugin() {
        return new OpsflowEnginePlugin();
    }

    /** Public so that the plain process tests' engine (without Spring) runs with the same settings. */
    public static class OpsflowEnginePlugin extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            configuration.setTenantIdProvider(new CustomerTenantIdProvider());
            configuration.setGroupResourceWhitelistPattern(SLUG_PATTERN + "|camunda-admin");
            configuration.setTenantResourceWhitelistPattern(SLUG_PATTERN);
            // Directory-style ids such as taro.yamada or t.yamada@example.co.jp.
            configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}");
            List<TypedValueSerializer> serializers = new ArrayList<>();
            serializers.add(new LongStringSerializer());
            if (configuration.getCustomPreVariableSerializers() != null) {
                serializers.addAll(configuration.getCustomPreVariableSerializers());
            }
            configuration.setCustomPreVariableSerializers(serializers);
            configuration.setHistoryEventProducer(new FormHistoryEventProducer());
        }
    }
}
