package io.opsflow.github;

import io.opsflow.retry.PermanentFault;

/**
 * A GitHub call that did not succeed. {@code status} is 0 when no answer came. Permanent (a job's
 * incident at once) for the answers a retry cannot change: 401, 403 without a rate limit, 404, 422;
 * transient for 5xx, rate limits and timeouts, which the job's retry cycle takes over.
 */
public class GitHubException extends RuntimeException implements PermanentFault {

    private final int status;
    private final boolean permanent;

    GitHubException(String message, int status, boolean permanent, Throwable cause) {
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
