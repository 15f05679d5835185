package io.opsflow.servicenow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.StringUtils;

/**
 * Production mode: a ServiceNow instance is configured ({@code opsflow.servicenow.base-url} has
 * text). Its absence, or an empty value such as an unset compose variable, is sandbox mode; both
 * modes decide on this one test so they can never be active together.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnServiceNowInstance.Present.class)
public @interface ConditionalOnServiceNowInstance {

    String BASE_URL = "opsflow.servicenow.base-url";

    class Present implements Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(BASE_URL));
        }
    }
}
