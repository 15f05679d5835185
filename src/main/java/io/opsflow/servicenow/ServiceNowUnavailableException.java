package io.opsflow.servicenow;

/**
 * ServiceNow did not answer usefully within the retry bounds (5xx, timeouts, 429 beyond the
 * longest wait). A technical fault: let it fail the job so Camunda's retry cycle takes over.
 */
public final class ServiceNowUnavailableException extends ServiceNowException {

    ServiceNowUnavailableException(String message, int status, String errorMessage, String errorDetail,
            Throwable cause) {
        super(message, status, errorMessage, errorDetail, cause);
    }
}
