package io.opsflow.api;

/** The caller is signed in but may not see this (another customer's data): 403 with the reason. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
