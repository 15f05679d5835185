package io.opsflow.servicenow;

import io.opsflow.retry.PermanentFault;

/** 404: no such record, or one the integration user may not see. Permanent: incident at once. */
public final class ServiceNowNotFoundException extends ServiceNowException implements PermanentFault {

    ServiceNowNotFoundException(String message, int status, String errorMessage, String errorDetail) {
        super(message, status, errorMessage, errorDetail, null);
    }
}
