package io.opsflow.customerintake;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.opsflow.messages.Messages;

/** The reason a step of the intake stopped, in the customer's language, as its task names are. */
final class IntakeTexts {

    private IntakeTexts() {
    }

    /** {@code intake.reason.<key>} in the language of the intake form's {@code locale}. */
    static String reason(DelegateExecution execution, String key, Object... args) {
        return Messages.standalone(Messages.locale(IntakeSteps.text(execution, IntakeVariables.LOCALE))).text("intake.reason." + key, args);
    }
}
