package io.opsflow.servicenow;

/** 400, or another 4xx a retry cannot fix (405, 406, 409, 415): the request itself is wrong. */
public final class ServiceNowBadRequestException extends ServiceNowException {

    ServiceNowBadRequestException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
