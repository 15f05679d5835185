package io.opsflow.azure;

/** 409: the resource exists already or is in a state that refuses the operation. */
public class ArmConflictException extends ArmException {

    public ArmConflictException(String code, String message, String requestId) {
        super(409, code, message, requestId);
    }
}
