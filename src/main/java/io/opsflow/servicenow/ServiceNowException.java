package io.opsflow.servicenow;

/**
 * A ServiceNow call that did not succeed. Carries the HTTP status (0 when no answer came) and
 * ServiceNow's {@code error.message} / {@code error.detail}. The subclasses a retry cannot fix
 * (400, 401, 403, 404) are for delegates to turn into business decisions; everything else ends as
 * {@link ServiceNowUnavailableException}, left to the job retry cycle. Out of a job, 400, 403 and 404
 * are {@link io.opsflow.retry.PermanentFault}s (incident at once); 401 keeps the retry cycle.
 */
public abstract sealed class ServiceNowException extends RuntimeException
        permits ServiceNowBadRequestException, ServiceNowUnauthorizedException, ServiceNowForbiddenException,
        ServiceNowNotFoundException, ServiceNowUnavailableException {

    private final int status;
    private final String errorMessage;
    private final String errorDetail;

    ServiceNowException(String message, int status, String errorMessage, String errorDetail, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorMessage = errorMessage;
        this.errorDetail = errorDetail;
    }

    public int status() {
        return status;
    }

    /** ServiceNow's {@code error.message}, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** ServiceNow's {@code error.detail}, or null. */
    public String errorDetail() {
        return errorDetail;
    }
}
