package io.opsflow.azure;

/** 5xx or 408 after the pipeline's retries, or no answer at all (connection refused, timeout). */
public class ArmUnavailableException extends ArmException {

    public ArmUnavailableException(int status, String code, String message, String requestId, Throwable cause) {
        super(status, code, message, requestId, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
