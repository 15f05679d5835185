package io.opsflow.api;

/** The request contradicts the current state; answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
