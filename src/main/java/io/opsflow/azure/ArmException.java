package io.opsflow.azure;

import io.opsflow.retry.PermanentFault;

/**
 * ARM answered with an error, or could not be reached. {@code code} is ARM's {@code error.code}
 * (match on it, never on the message). Thrown out of a delegate it becomes a failed job that the
 * Camunda retry cycle retries and finally turns into an incident; business decisions (e.g. "resource
 * group missing") are taken by the operations that catch the specific subclasses. 400, 403 and 404
 * are {@linkplain #isPermanent() permanent}: the job becomes an incident at once.
 */
public class ArmException extends RuntimeException implements PermanentFault {

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

    /**
     * 400 (the request is wrong), 403 (the identity lacks the RBAC role) and 404 (no such resource):
     * the same call fails again until someone changes the request, the role assignment or the
     * resource. 401 ({@code CredentialFailed}) is not: a client secret being rotated heals by itself.
     * 409 is not either: the resource's state may change.
     */
    @Override
    public boolean isPermanent() {
        return status == 400 || status == 403 || status == 404;
    }

    /** True for faults that may go away by themselves (throttling, 5xx, timeouts). */
    public boolean isTransient() {
        return false;
    }
}
