package io.opsflow.outbound;

import java.util.Objects;

/** What an adapter's {@link ErrorMapping} makes of an answer that is neither a 429 nor a 5xx. */
public final class Verdict {

    enum Kind { ACCEPT, RETRY, RETRY_AT_ONCE, REJECT, GONE }

    final Kind kind;
    final String failure;
    final RuntimeException exception;

    private Verdict(Kind kind, String failure, RuntimeException exception) {
        this.kind = kind;
        this.failure = failure;
        this.exception = exception;
    }

    /** The answer is the result. */
    public static Verdict accept() {
        return new Verdict(Kind.ACCEPT, null, null);
    }

    /** Transient (a hibernating instance's HTML page): retried after the back-off. */
    public static Verdict retry(String failure) {
        return new Verdict(Kind.RETRY, Objects.requireNonNull(failure), null);
    }

    /** Retried without waiting, e.g. after a refused cached token has been dropped. */
    public static Verdict retryAtOnce(String failure) {
        return new Verdict(Kind.RETRY_AT_ONCE, Objects.requireNonNull(failure), null);
    }

    /** Not retried: this call throws {@code exception}. */
    public static Verdict reject(RuntimeException exception) {
        return new Verdict(Kind.REJECT, null, Objects.requireNonNull(exception));
    }

    /**
     * The destination no longer exists (a deleted webhook): this call throws {@code exception}, and
     * every later call to the destination fails at once with {@link ErrorMapping#gone} and sends nothing.
     */
    public static Verdict gone(RuntimeException exception) {
        return new Verdict(Kind.GONE, null, Objects.requireNonNull(exception));
    }
}
