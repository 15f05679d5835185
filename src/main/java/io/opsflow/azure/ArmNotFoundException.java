package io.opsflow.azure;

/** 404: {@code ResourceNotFound}, {@code ResourceGroupNotFound} or a provider's own not-found code. */
public class ArmNotFoundException extends ArmException {

    public ArmNotFoundException(String code, String message, String requestId) {
        super(404, code, message, requestId);
    }
}
