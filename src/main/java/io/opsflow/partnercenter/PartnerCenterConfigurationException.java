package io.opsflow.partnercenter;

import io.opsflow.retry.PermanentFault;

/**
 * opsflow's Partner Center credentials are missing or refused (an unset environment variable, an
 * expired or revoked refresh token: {@code invalid_grant}, a refused audience: 900420). The message
 * names the setting or environment variable to fix, never its value. Permanent: no retry helps.
 */
public final class PartnerCenterConfigurationException extends PartnerCenterException implements PermanentFault {

    PartnerCenterConfigurationException(String message, int status, String code, String description) {
        super(message, status, code, description, null);
    }
}
