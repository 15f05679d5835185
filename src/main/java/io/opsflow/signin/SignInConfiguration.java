package io.opsflow.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Servlet filters of sign-in safety, placed right after Spring's forwarded-header filter. */
@Configuration
class SignInConfiguration {

    /**
     * After {@code ForwardedHeaderFilter} (highest precedence), so the client address and scheme
     * are those nginx saw; before the webapps' own filters, so a throttled login costs nothing.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<SecureCookieFilter> secureCookieFilter() {
        var registration = new FilterRegistrationBean<>(new SecureCookieFilter());
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(
            SignInThrottle throttle, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        var registration = new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, json, applicationPath));
        registration.addUrlPatterns(applicationPath + "/api/admin/auth/user/*");
        registration.setOrder(ORDER + 1);
        return registration;
    }
}
