package io.opsflow.azure;

/**
 * ARM answered with an error, or could not be reached. {@code code} is ARM's {@code error.code}
 * (match on it, never on the message). Thrown out of a delegate it becomes a failed job that the
 * Camunda retry cycle retries and finally turns into an incident; business decisions (e.g. "resource
 * group missing") are taken by the operations that catch the specific subclasses.
 */
public class ArmException extends RuntimeException {

    private final int status;
    private final String code;
    private final String requestId;

    public ArmException(int status, String code, String message, String requestId, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    public ArmException(int status, String code, String message, String requestId) {
        this(status, code, message, requestId, null);
    }

    /** HTTP status, 0 when no answer was received. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** ARM's {@code x-ms-request-id}, for a Microsoft support case; may be null. */
    public String requestId() {
        return requestId;
    }

    /** True for faults that may go away by themselves (throttling, 5xx, timeouts). */
    public boolean isTransient() {
        return false;
    }
}
