package io.opsflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.signin.SignInThrottledException;

/**
 * Who may call what. Our own APIs and Camunda's {@code /engine-rest} use HTTP Basic against the
 * Camunda identity store, so one user list serves Tasklist, Cockpit and every API. The Camunda
 * webapps keep their own session login, so Spring Security lets {@code /camunda/**} through.
 * Failed sign-ins on either path are throttled (io.opsflow.signin, docs/security.md).
 */
@Configuration
class SecurityConfiguration {

    /**
     * Endpoints that check their callers themselves (webhook signatures, sandbox simulators that
     * accept any credential): Spring Security must not try to read their Authorization headers.
     */
    @Bean
    @Order(1)
    SecurityFilterChain selfAuthenticatingEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/sandbox/**", "/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Roles.ADMIN, Roles.MANAGER)
                        // A customer's procedures: its tenant members read them (ProcedureController checks the customer).
                        .requestMatchers("/api/customers/*/procedures/*").authenticated()
                        .requestMatchers("/api/customers", "/api/customers/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/intakes", "/api/intakes/**").hasRole(Roles.ADMIN)
                        // The design team hands its customers over (DesignHandovers checks the customer); the
                        // customer's operators import the Zabbix file of its handover.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/handovers/*/zabbix-import.xml")
                        .hasAnyRole(Roles.ADMIN, Roles.DESIGN_TEAM, Roles.OPERATOR)
                        .requestMatchers("/api/handovers", "/api/handovers/**").hasAnyRole(Roles.ADMIN, Roles.DESIGN_TEAM)
                        // Issued monthly reports: operators review them (ReportAccess checks the customer).
                        .requestMatchers("/api/reports/*/issued", "/api/reports/*/issued/*").hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.OPERATOR)
                        .requestMatchers("/api/reports/**").hasAnyRole(Roles.ADMIN, Roles.MANAGER)
                        // Tells any signed-in caller whether another user's password is right, beside the
                        // sign-in throttle; nothing in opsflow or the webapps needs it.
                        .requestMatchers("/engine-rest/identity/verify").denyAll()
                        .requestMatchers("/api/**", "/engine-rest/**").authenticated()
                        // Camunda webapps authenticate in their own filters; everything else is static or public.
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName("opsflow").authenticationEntryPoint(unauthorized(json)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(forbidden(json)))
                // Basic auth without cookies carries no CSRF risk; the webapps run their own CSRF filter
                // whose cookie and header names collide with Spring Security's.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Hands the Spring-authenticated user, with groups and tenants, to the engine for each
     * {@code /engine-rest} call, so Camunda authorizations and tenant checks apply there.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                writeProblem(json, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"opsflow\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED,
                    "Authentication required: send HTTP Basic credentials of an opsflow user");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                                     HttpStatus status, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
