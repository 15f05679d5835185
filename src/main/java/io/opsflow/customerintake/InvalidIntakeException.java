package io.opsflow.customerintake;

import java.util.List;

import io.opsflow.api.InvalidInputException;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

/** An intake that names what is wrong; thrown before anything is started or created. */
class InvalidIntakeException extends InvalidInputException {

    InvalidIntakeException(List<FieldProblem> problems) {
        super(Messages.caller().text("intake.invalid"), problems);
    }
}
