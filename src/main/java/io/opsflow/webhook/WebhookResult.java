package io.opsflow.webhook;

import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.opsflow.intake.IntakeResult;

/**
 * What a capability made of a webhook event, independent of the capability, so that every webhook
 * answers alike: 202 for a new process, 200 with a flag for anything already known.
 */
public record WebhookResult(Outcome outcome, String processInstanceId, String businessKey) {

    public enum Outcome { STARTED, CORRELATED, DUPLICATE, STALE }

    public WebhookResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static WebhookResult of(IntakeResult result) {
        return new WebhookResult(Outcome.valueOf(result.outcome().name()), result.processInstanceId(), result.businessKey());
    }

    ResponseEntity<Answer> toResponse() {
        Answer answer = new Answer(processInstanceId, businessKey, flag(Outcome.DUPLICATE), flag(Outcome.CORRELATED),
                flag(Outcome.STALE));
        return ResponseEntity.status(outcome == Outcome.STARTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private Boolean flag(Outcome flagged) {
        return outcome == flagged ? Boolean.TRUE : null;
    }

    /** The body of a 2xx answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(String processInstanceId, String businessKey, Boolean duplicate, Boolean correlated, Boolean stale) {
    }
}
