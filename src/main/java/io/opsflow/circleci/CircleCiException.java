package io.opsflow.circleci;

import io.opsflow.retry.PermanentFault;

/**
 * A CircleCI call that did not succeed, or an answer opsflow cannot read (an unknown status). {@code status}
 * is 0 when no answer came. Permanent for 4xx other than 429 (a missing project, a wrong token, an approval
 * that is no longer pending); transient for 5xx, 429 and timeouts.
 */
public class CircleCiException extends RuntimeException implements PermanentFault {

    private final int status;
    private final boolean permanent;

    CircleCiException(String message, int status, boolean permanent, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.permanent = permanent;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean isPermanent() {
        return permanent;
    }
}
