package io.opsflow.partnercenter;

/**
 * A Partner Center call that did not succeed, with the HTTP status (0 when no answer came) and
 * Partner Center's error {@code code} and {@code description} when the answer had them. Messages
 * never carry a token, a secret or the one-time administrator password.
 */
public abstract sealed class PartnerCenterException extends RuntimeException
        permits PartnerCenterRejectedException, PartnerCenterConfigurationException, PartnerCenterUnavailableException {

    private final int status;
    private final String code;
    private final String description;

    PartnerCenterException(String message, int status, String code, String description, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.description = description;
    }

    public int status() {
        return status;
    }

    /** Partner Center's error code ({@code 13605}), or null. */
    public String code() {
        return code;
    }

    /** Partner Center's error description, or null. */
    public String description() {
        return description;
    }
}
