package io.opsflow.customerintake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What several intake steps share: the request a step works on and the idempotency key of its creating call. */
final class IntakeSteps {

    private IntakeSteps() {
    }

    static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? null : value.toString();
    }

    static String required(DelegateExecution execution, String variable) {
        String value = text(execution, variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The customer intake " + execution.getProcessBusinessKey() + " has no " + variable);
        }
        return value;
    }

    /**
     * The same id every time this intake runs {@code step}: Partner Center's {@code MS-RequestId}, so a
     * step re-run after a crash repeats its call instead of making a second customer or order.
     */
    static UUID requestId(DelegateExecution execution, String step) {
        return requestId(execution.getProcessInstanceId(), step);
    }

    static UUID requestId(String processInstanceId, String step) {
        return UUID.nameUUIDFromBytes(("customer-intake:" + processInstanceId + ":" + step).getBytes(StandardCharsets.UTF_8));
    }
}
