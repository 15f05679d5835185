package io.opsflow.intake;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the handling of one inbound delivery in one transaction, so its record and the engine's
 * start or correlation commit together. A concurrent twin (same delivery, same key) loses on a
 * unique key, and a correlation can meet a job changing the same instance: both roll back whole,
 * so running again is safe and then sees the winner's result.
 */
@Component
class IntakeTransaction {

    static final int MAX_ATTEMPTS = 5;

    private final TransactionTemplate transaction;

    IntakeTransaction(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (DuplicateKeyException | OptimisticLockingException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
