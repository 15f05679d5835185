package io.opsflow.partnercenter;

import io.opsflow.retry.PermanentFault;

/**
 * Partner Center refused the request and will refuse it again (13605 MCA acceptance missing,
 * 800002 invalid input, 600049 registration number, ...): a person has to change the data or the
 * account. Permanent: out of a job it is an incident at once.
 */
public final class PartnerCenterRejectedException extends PartnerCenterException implements PermanentFault {

    PartnerCenterRejectedException(String message, int status, String code, String description) {
        super(message, status, code, description, null);
    }
}
