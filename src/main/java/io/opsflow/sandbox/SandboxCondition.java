package io.opsflow.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Sandbox mode is the absence of a configured ServiceNow instance. */
class SandboxCondition implements Condition {

    static final String SERVICENOW_BASE_URL = "opsflow.servicenow.base-url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(SERVICENOW_BASE_URL));
    }
}
