package io.opsflow.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident coordination settings.
 *
 * @param publicUrl           where people reach opsflow; links in ServiceNow point here
 * @param diagnosticTimeout   how long a diagnostic job may run before runbook-job stops it (polling is runbook-job's one rule)
 * @param selfHealedCloseCode ServiceNow close code for incidents whose alert resolved before triage
 * @param workNoteMaxChars    longest runbook output put in one work note
 */
@ConfigurationProperties("opsflow.incident")
public record IncidentProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("PT30M") Duration diagnosticTimeout,
        @DefaultValue("Solution provided") String selfHealedCloseCode,
        @DefaultValue("4000") int workNoteMaxChars) {
}
