package io.opsflow.partnercenter;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import io.opsflow.servicenow.ConditionalOnServiceNowInstance;

/**
 * When Partner Center is there: a partner tenant is configured ({@code opsflow.partner-center.partner-tenant-id}
 * has text); in sandbox mode (no ServiceNow instance configured, the project-wide test) the simulator
 * stands in for it whether or not a tenant is configured.
 */
final class PartnerCenterConditions {

    private PartnerCenterConditions() {
    }

    static boolean tenantConfigured(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty(PartnerCenterProperties.PARTNER_TENANT_ID));
    }

    /** Production with a partner tenant: the configured URLs. */
    static final class Cloud implements Condition {

        private final ConditionalOnServiceNowInstance.Present production = new ConditionalOnServiceNowInstance.Present();

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return tenantConfigured(context) && production.matches(context, metadata);
        }
    }

    /** A {@link PartnerCenter} exists: a partner tenant is configured, or sandbox mode serves the simulator. */
    static final class Available implements Condition {

        private final ConditionalOnServiceNowInstance.Present production = new ConditionalOnServiceNowInstance.Present();

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return tenantConfigured(context) || !production.matches(context, metadata);
        }
    }
}
