package io.opsflow.customerintake;

import org.springframework.context.i18n.LocaleContextHolder;

import io.opsflow.messages.Messages;

/** The intake's refusals in the caller's language: Accept-Language of the API call or of Tasklist's start. */
final class IntakeTexts {

    private IntakeTexts() {
    }

    static Messages.Texts caller() {
        return Messages.standalone(Messages.locale(LocaleContextHolder.getLocale().getLanguage()));
    }
}
