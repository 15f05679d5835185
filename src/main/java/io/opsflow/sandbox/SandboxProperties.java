package io.opsflow.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox simulators. {@code jobStepDelay}: how long a simulated Automation job stays in each of
 * New, Activating and Running before it ends; {@code ticketDelay}: how long a support ticket
 * creation stays InProgress.
 */
@ConfigurationProperties("opsflow.sandbox")
public record SandboxProperties(@DefaultValue("PT2S") Duration jobStepDelay, @DefaultValue("PT1S") Duration ticketDelay) {
}
