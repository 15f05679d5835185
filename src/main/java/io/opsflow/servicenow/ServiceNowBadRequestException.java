package io.opsflow.servicenow;

import io.opsflow.retry.PermanentFault;

/** 400, or another 4xx a retry cannot fix (405, 406, 409, 415): the request itself is wrong. Permanent: incident at once. */
public final class ServiceNowBadRequestException extends ServiceNowException implements PermanentFault {

    ServiceNowBadRequestException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
