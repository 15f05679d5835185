package io.opsflow.outbound;

/**
 * An adapter's reading of answers: everything system-specific about failure. 429, 5xx and
 * transport failures are the {@link OutboundClient}'s; the rest is judged here.
 *
 * <p>Exceptions it builds must not carry a secret: no webhook URL, no header. Their messages become
 * Camunda incident messages.
 */
public interface ErrorMapping {

    /**
     * An answer that is neither 429 nor 5xx (2xx included: an adapter may find a 2xx unusable).
     *
     * @param lastAttempt no further attempt follows within this call
     */
    Verdict judge(OutboundRequest request, OutboundResponse response, boolean lastAttempt);

    /** The system's error text of an answer, appended to "HTTP 503" in logs and messages (e.g. {@code ": Service Unavailable"}). */
    String describe(OutboundResponse response);

    /**
     * The technical fault that ends a call the job's retry cycle should take over: attempts used up,
     * a {@code Retry-After} longer than the wait allowed, a destination held by one.
     *
     * @param last  the last answer, null when none came
     * @param cause the transport failure, null when an answer came
     */
    RuntimeException unavailable(String message, OutboundResponse last, Throwable cause);

    /**
     * A call to a destination an earlier call found gone: thrown before anything is sent. Should be a
     * {@link io.opsflow.retry.PermanentFault} so the job becomes an incident at once.
     *
     * @param answer the answer that showed the destination gone
     */
    RuntimeException gone(String message, OutboundResponse answer);
}
