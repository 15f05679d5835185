package io.opsflow.servicenow;

/** 404: no such record, or one the integration user may not see. */
public final class ServiceNowNotFoundException extends ServiceNowException {

    ServiceNowNotFoundException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
