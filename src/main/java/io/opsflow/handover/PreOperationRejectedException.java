package io.opsflow.handover;

import io.opsflow.retry.PermanentFault;

/**
 * opsflow's webhook refused a pre-operation test alert (4xx: a wrong or missing token, a target outside
 * the customer, a payload it cannot read), or it could not be sent at all (the token's variable unset):
 * sending it again cannot succeed until a person changes something. Names the item and the customer,
 * never the token.
 */
public final class PreOperationRejectedException extends RuntimeException implements PermanentFault {

    private final int status;

    PreOperationRejectedException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** opsflow's HTTP status, 0 when nothing was sent. */
    public int status() {
        return status;
    }
}
