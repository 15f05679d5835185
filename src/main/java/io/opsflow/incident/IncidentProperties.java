package io.opsflow.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident coordination settings.
 *
 * @param publicUrl              where people reach opsflow; links in ServiceNow point here
 * @param diagnosticPollInterval how often a diagnostic runbook job is checked
 * @param diagnosticTimeout      how long a diagnostic job may run before it is stopped
 * @param selfHealedCloseCode    ServiceNow close code for incidents whose alert resolved before triage
 * @param workNoteMaxChars       longest runbook output put in one work note
 */
@ConfigurationProperties("opsflow.incident")
public record IncidentProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("PT15S") Duration diagnosticPollInterval,
        @DefaultValue("PT30M") Duration diagnosticTimeout,
        @DefaultValue("Solution provided") String selfHealedCloseCode,
        @DefaultValue("4000") int workNoteMaxChars) {
}
