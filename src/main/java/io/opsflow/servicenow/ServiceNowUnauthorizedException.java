package io.opsflow.servicenow;

/**
 * 401: missing or wrong credentials, or an OAuth client the instance refuses. Deliberately not a
 * {@code PermanentFault}: while a credential is being rotated (password changed in ServiceNow before
 * the environment, an OAuth secret rolled over) every running step would otherwise become an incident;
 * the retry cycle rides that out and still ends as an incident after about an hour.
 */
public final class ServiceNowUnauthorizedException extends ServiceNowException {

    ServiceNowUnauthorizedException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
