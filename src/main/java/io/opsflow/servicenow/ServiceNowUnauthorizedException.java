package io.opsflow.servicenow;

/** 401: missing or wrong credentials, or an OAuth client the instance refuses. */
public final class ServiceNowUnauthorizedException extends ServiceNowException {

    ServiceNowUnauthorizedException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
