package io.opsflow.partnercenter;

/** Partner Center did not answer usefully within the call's retry bounds (5xx, 429, busy, timeouts): the job's retry cycle takes over. */
public final class PartnerCenterUnavailableException extends PartnerCenterException {

    PartnerCenterUnavailableException(String message, int status, String code, String description, Throwable cause) {
        super(message, status, code, description, cause);
    }
}
