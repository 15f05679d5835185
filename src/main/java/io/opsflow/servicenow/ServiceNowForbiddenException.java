package io.opsflow.servicenow;

import io.opsflow.retry.PermanentFault;

/** 403: an ACL, business rule or data policy refused the operation. Permanent: incident at once. */
public final class ServiceNowForbiddenException extends ServiceNowException implements PermanentFault {

    ServiceNowForbiddenException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
