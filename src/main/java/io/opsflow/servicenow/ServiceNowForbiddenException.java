package io.opsflow.servicenow;

/** 403: an ACL, business rule or data policy refused the operation. */
public final class ServiceNowForbiddenException extends ServiceNowException {

    ServiceNowForbiddenException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
