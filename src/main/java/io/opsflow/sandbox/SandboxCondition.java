package io.opsflow.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.opsflow.servicenow.ConditionalOnServiceNowInstance;

/** Sandbox mode is the absence of a configured ServiceNow instance: the exact inverse of production. */
class SandboxCondition implements Condition {

    private final ConditionalOnServiceNowInstance.Present production = new ConditionalOnServiceNowInstance.Present();

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !production.matches(context, metadata);
    }
}
