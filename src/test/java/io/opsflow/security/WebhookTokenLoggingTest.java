package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.opsflow.OpsflowSpringTest;

/**
 * A webhook's token travels in its query string (Azure Monitor action groups allow nothing else);
 * no log line of opsflow may hold it. nginx logs the path without the query (docker/nginx.conf).
 */
@OpsflowSpringTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookTokenLoggingTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    LoggingSystem loggingSystem;

    @AfterEach
    void testLevels() {
        loggingSystem.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void noLogLineHoldsTheTokenAtTheProductionLevels(CapturedOutput output) {
        // The test profile logs at WARN; production logs at INFO.
        loggingSystem.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThat(rest.postForEntity("/webhooks/azure-monitor/demo?token=test-only-azure-monitor-token",
                new HttpEntity<>("{\"schemaId\":\"azureMonitorCommonAlertSchema\"}", headers), String.class)
                .getStatusCode()).as("past the token check, refused for its body").isNotEqualTo(HttpStatus.UNAUTHORIZED)
                .matches(status -> status.is4xxClientError());
        assertThat(rest.postForEntity("/webhooks/azure-monitor/demo?token=guessed-token-7f3a",
                new HttpEntity<>("{}", headers), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(output.getAll()).doesNotContain("test-only-azure-monitor-token").doesNotContain("guessed-token-7f3a");
    }
}
