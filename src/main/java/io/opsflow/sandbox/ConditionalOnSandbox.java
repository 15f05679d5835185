package io.opsflow.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Active in sandbox mode: no ServiceNow instance is configured ({@code opsflow.servicenow.base-url}
 * unset), so opsflow serves simulators of ServiceNow and Azure itself and talks to them over HTTP.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(SandboxCondition.class)
public @interface ConditionalOnSandbox {
}
