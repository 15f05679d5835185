package io.opsflow.handover;

import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Verdict;

/**
 * opsflow's own webhook answers (RFC 7807 problems with a {@code detail}): a 2xx took the alert
 * (started, correlated or a duplicate of an earlier fire), any other non-5xx refuses it for good.
 */
final class PreOperationErrors implements ErrorMapping {

    private static final int DETAIL_MAX = 300;

    private final String what;

    /** @param what the item and customer, as messages name them */
    PreOperationErrors(String what) {
        this.what = what;
    }

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        if (response.isSuccess()) {
            return Verdict.accept();
        }
        return Verdict.reject(new PreOperationRejectedException(what + ": " + request.description() + " answered HTTP "
                + response.status() + describe(response), response.status()));
    }

    @Override
    public String describe(OutboundResponse response) {
        String detail = response.json().path("detail").asText("");
        if (detail.isBlank()) {
            return "";
        }
        return ": " + (detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) + "…" : detail);
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        return new PreOperationUnavailableException(what + ": " + message);
    }

    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return new PreOperationRejectedException(what + ": " + message, answer.status());
    }
}
