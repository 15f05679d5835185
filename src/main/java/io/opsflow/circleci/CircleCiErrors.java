package io.opsflow.circleci;

import io.opsflow.outbound.ErrorMapping;
import io.opsflow.outbound.OutboundRequest;
import io.opsflow.outbound.OutboundResponse;
import io.opsflow.outbound.Verdict;

/** CircleCI's answers ({@code {"message": "..."}} on errors): every 4xx but 429 is refused for good. */
final class CircleCiErrors implements ErrorMapping {

    static final CircleCiErrors INSTANCE = new CircleCiErrors();

    private CircleCiErrors() {
    }

    @Override
    public Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt) {
        if (response.isSuccess()) {
            return Verdict.accept();
        }
        return Verdict.reject(new CircleCiException(request.description() + ": HTTP " + response.status() + describe(response),
                response.status(), true, null));
    }

    @Override
    public String describe(OutboundResponse response) {
        String message = response.json().path("message").asText("");
        return message.isEmpty() ? "" : ": " + message;
    }

    @Override
    public RuntimeException unavailable(String message, OutboundResponse last, Throwable cause) {
        return new CircleCiException(message, last == null ? 0 : last.status(), false, cause);
    }

    @Override
    public RuntimeException gone(String message, OutboundResponse answer) {
        return unavailable(message, answer, null);
    }
}
