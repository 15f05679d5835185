package io.opsflow.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.opsflow.intake.IntakeResult.Outcome;
import io.opsflow.intake.IntakeResult;

/**
 * The body of a 2xx answer, alike for every webhook: 202 for a new process, 200 with a flag for
 * anything already known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookAnswer(String processInstanceId, String businessKey, Boolean duplicate, Boolean correlated, Boolean stale) {

    static ResponseEntity<WebhookAnswer> of(IntakeResult result) {
        WebhookAnswer answer = new WebhookAnswer(result.processInstanceId(), result.businessKey(), flag(result, Outcome.DUPLICATE),
                flag(result, Outcome.CORRELATED), flag(result, Outcome.STALE));
        return ResponseEntity.status(result.outcome() == Outcome.STARTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static Boolean flag(IntakeResult result, Outcome flagged) {
        return result.outcome() == flagged ? Boolean.TRUE : null;
    }
}
