package io.opsflow.azure;

/**
 * Microsoft ended a support ticket's or message's creation with {@code Failed} or {@code Canceled}.
 * The ticket or message does not exist: the process must show the operator {@link #reason()} (Microsoft's
 * own words, e.g. no support plan on the subscription) and never report it as sent. Retrying the same
 * request does not help, so it is {@linkplain #isPermanent() permanent}; {@link #code()} is Microsoft's
 * error code (or {@code SupportTicketFailed}, {@code CommunicationCanceled}, ... when it gave none).
 */
public class SupportOperationFailedException extends ArmException {

    public enum Operation {
        CREATE_TICKET("SupportTicket"), ADD_COMMUNICATION("Communication");

        private final String noun;

        Operation(String noun) {
            this.noun = noun;
        }
    }

    private final Operation operation;
    private final String name;
    private final ArmAsyncOperation.Status outcome;
    private final String reason;

    SupportOperationFailedException(Operation operation, String name, ArmAsyncOperation ended) {
        super(200, ended.errorCode() != null ? ended.errorCode()
                        : operation.noun + (ended.status() == ArmAsyncOperation.Status.CANCELED ? "Canceled" : "Failed"),
                operation.noun + " " + name + " ended " + ended.status()
                        + (ended.errorMessage() == null ? "" : ": " + ended.errorMessage()), null);
        this.operation = operation;
        this.name = name;
        this.outcome = ended.status();
        this.reason = ended.errorMessage();
    }

    public Operation operation() {
        return operation;
    }

    /** The ticket or message name opsflow chose. */
    public String name() {
        return name;
    }

    /** {@code FAILED} or {@code CANCELED}. */
    public ArmAsyncOperation.Status outcome() {
        return outcome;
    }

    /** Microsoft's message, to show the operator as it is; null when the operation gave none. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean isPermanent() {
        return true;
    }
}
