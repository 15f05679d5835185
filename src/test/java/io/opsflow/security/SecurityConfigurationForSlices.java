package io.opsflow.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application's real security filter chains for {@code @WebMvcTest} slices in other packages
 * (SecurityConfiguration is package-private): a slice then proves its endpoints are reachable
 * exactly as configured, instead of behind Spring Boot's default login.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SecurityConfigurationForSlices {
}
