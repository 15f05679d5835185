package io.opsflow.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import io.opsflow.azure.ArmConflictException;
import io.opsflow.azure.ArmException;
import io.opsflow.azure.ArmNotFoundException;
import io.opsflow.azure.ArmThrottledException;
import io.opsflow.azure.ArmUnavailableException;
import io.opsflow.servicenow.ServiceNowFaults;
import io.opsflow.slack.SlackFaults;

/** Which adapter failures skip the retry cycle. */
class PermanentFaultTest {

    static final String CALL = "POST /api/now/table/incident";

    @Test
    void serviceNowRefusalsThatARetryCannotFixArePermanent() {
        assertThat(PermanentFault.isPermanent(ServiceNowFaults.badRequest(CALL, "Invalid field"))).isTrue();
        assertThat(PermanentFault.isPermanent(ServiceNowFaults.forbidden(CALL, "Operation Failed", "ACL"))).isTrue();
        assertThat(PermanentFault.isPermanent(ServiceNowFaults.notFound(CALL))).isTrue();
    }

    @Test
    void serviceNowOutagesAndCredentialsKeepTheRetryCycle() {
        assertThat(PermanentFault.isPermanent(ServiceNowFaults.unavailable(CALL))).isFalse();
        assertThat(PermanentFault.isPermanent(ServiceNowFaults.unauthorized(CALL))).isFalse();
    }

    @Test
    void armIsPermanentOn400_403And404Only() {
        assertThat(PermanentFault.isPermanent(new ArmException(400, "InvalidRequestContent", "bad", null))).isTrue();
        assertThat(PermanentFault.isPermanent(new ArmException(403, "AuthorizationFailed", "no role", null))).isTrue();
        assertThat(PermanentFault.isPermanent(new ArmNotFoundException("ResourceNotFound", "gone", null))).isTrue();
        assertThat(PermanentFault.isPermanent(new ArmException(401, "CredentialFailed", "token refused", null))).isFalse();
        assertThat(PermanentFault.isPermanent(new ArmConflictException("Conflict", "busy", null))).isFalse();
        assertThat(PermanentFault.isPermanent(new ArmThrottledException("TooManyRequests", "slow down", null, Duration.ofMinutes(5))))
                .isFalse();
        assertThat(PermanentFault.isPermanent(new ArmUnavailableException(503, "ServiceUnavailable", "down", null, null))).isFalse();
        assertThat(PermanentFault.isPermanent(new ArmUnavailableException(0, "NoResponse", "timeout", null, null))).isFalse();
    }

    @Test
    void aSlackRefusalAndAMissingWebhookArePermanentAnOutageIsNot() {
        assertThat(PermanentFault.isPermanent(SlackFaults.rejected("no_service"))).isTrue();
        assertThat(PermanentFault.isPermanent(SlackFaults.webhookNotSet("ACME_SLACK"))).isTrue();
        assertThat(PermanentFault.isPermanent(SlackFaults.unavailable())).isFalse();
    }

    @Test
    void theFirstMarkedExceptionInTheCauseChainDecides() {
        assertThat(PermanentFault.isPermanent(new ProcessEngineException("wrapped", ServiceNowFaults.notFound(CALL)))).isTrue();
        assertThat(PermanentFault.isPermanent(new ArmException(401, "CredentialFailed", "token refused", null,
                new ArmException(403, "AuthorizationFailed", "inner", null)))).isFalse();
        assertThat(PermanentFault.isPermanent(new IllegalStateException("anything else"))).isFalse();
        assertThat(PermanentFault.isPermanent(null)).isFalse();
    }
}
