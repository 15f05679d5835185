package io.opsflow.webhook;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.opsflow.validation.FieldProblem;

/**
 * A webhook request refused before anything reached a capability. Rendered as
 * {@code application/problem+json} by the application's exception handler; {@code errors} names
 * the field when there is one.
 */
public class WebhookRejectedException extends ErrorResponseException {

    private WebhookRejectedException(HttpStatus status, String title, String detail, String field) {
        super(status, problem(status, title, detail, field), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field == null ? detail : field + ": " + detail);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
        }
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    static WebhookRejectedException unauthorized(String detail) {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, null);
    }

    static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "Malformed JSON", detail, null);
    }

    /** A field (or header) missing or unusable: 400 naming it. */
    public static WebhookRejectedException invalid(String field, String reason) {
        return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "Invalid webhook payload", reason, field);
    }

    static WebhookRejectedException tooLarge(long max) {
        return new WebhookRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                "The body is larger than " + max + " bytes", null);
    }

    static WebhookRejectedException notJson(String contentType) {
        return new WebhookRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Content-Type must be application/json, not " + (contentType == null ? "absent" : "'" + contentType + "'"), null);
    }

    /** The event is valid but belongs to no customer, or to nothing opsflow handles: 422. */
    public static WebhookRejectedException unprocessable(String detail) {
        return new WebhookRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable event", detail, null);
    }

    /**
     * The caller is authenticated, but the event names a subscription, host group or customer
     * outside the customer its credential belongs to: 403 naming the field, nothing started.
     */
    static WebhookRejectedException outsideCustomer(String field, String detail) {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, "Event outside the credential's customer", detail, field);
    }

    /** Something opsflow needs to check the caller is unreachable (Entra's signing keys): 503, senders retry. */
    static WebhookRejectedException unavailable(String detail) {
        return new WebhookRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "Caller cannot be verified now", detail, null);
    }

    /** A URL that no longer exists, answered with where to send instead. */
    static WebhookRejectedException gone(String detail) {
        return new WebhookRejectedException(HttpStatus.GONE, "Webhook URL retired", detail, null);
    }

    static WebhookRejectedException notConfigured(String variable) {
        return new WebhookRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "Webhook not configured",
                "This webhook has no secret: set " + variable + " on opsflow", null);
    }

}
