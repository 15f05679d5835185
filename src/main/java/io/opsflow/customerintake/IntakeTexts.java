package io.opsflow.customerintake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.i18n.LocaleContextHolder;

import io.opsflow.messages.Messages;

/**
 * The intake's texts: refusals in the caller's language (Accept-Language of the API call or of
 * Tasklist's start), and the reason a step stopped in the customer's, as its task names are.
 */
final class IntakeTexts {

    private IntakeTexts() {
    }

    /** {@code intake.reason.<key>} in the language of the intake form's {@code locale}. */
    static String reason(DelegateExecution execution, String key, Object... args) {
        return Messages.standalone(Messages.locale(IntakeSteps.text(execution, IntakeVariables.LOCALE))).text("intake.reason." + key, args);
    }

    static Messages.Texts caller() {
        return Messages.standalone(Messages.locale(LocaleContextHolder.getLocale().getLanguage()));
    }
}
