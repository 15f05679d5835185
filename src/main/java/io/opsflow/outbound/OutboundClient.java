package io.opsflow.outbound;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ChannelOption;
import reactor.core.Exceptions;
import reactor.netty.http.client.HttpClient;

/**
 * One adapter's HTTP calls: timeouts, bounded retry (resilience4j-retry, on the caller's thread),
 * {@code Retry-After} and rate limits as state of the {@link Destination}, transport failures, and
 * the adapter's {@link ErrorMapping} for everything else. Blocking on purpose: callers are delegates
 * on job executor threads, whose transaction and retry cycle wrap exactly one call.
 *
 * <p>What is retried: 429 (after the destination's hold), 5xx, connect/read timeouts and resets, and
 * what the mapping says to retry. A call never logs a header or, for a {@link Destination#secretUrl()
 * secret} destination, its URL.
 */
public final class OutboundClient {

    private static final Logger log = LoggerFactory.getLogger(OutboundClient.class);

    private final WebClient webClient;
    private final OutboundSettings settings;
    private final Duration deadline;
    private final Timing timing;
    private final DestinationStates destinations;

    public OutboundClient(WebClient.Builder builder, OutboundSettings settings) {
        this(builder, settings, Timing.SYSTEM);
    }

    /** With the destinations' state in this JVM only, for adapters whose destinations no node must learn from another. */
    public OutboundClient(WebClient.Builder builder, OutboundSettings settings, Timing timing) {
        this(builder, settings, timing, DestinationStore.inMemory(), DestinationGoneListener.NONE);
    }

    /**
     * @param store        where the destinations' holds and gone marks are kept: the shared database
     *                     ({@link JdbcDestinationStore}) for state every node must honour
     * @param goneListener told once when a destination is found gone
     */
    public OutboundClient(WebClient.Builder builder, OutboundSettings settings, Timing timing, DestinationStore store,
            DestinationGoneListener goneListener) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
                .responseTimeout(settings.readTimeout());
        this.webClient = builder.clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        this.settings = settings;
        // responseTimeout bounds the wait for the status line; this also bounds a body that stalls.
        this.deadline = settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2));
        this.timing = timing;
        this.destinations = new DestinationStates(timing, store, goneListener);
    }

    /** Whether an earlier call found the destination gone; then every call to it fails at once. */
    public boolean isGone(Destination destination) {
        return destinations.isGone(destination);
    }

    /** {@link #exchange(Destination, OutboundRequest, ErrorMapping, Function, Supplier)} without a recheck. */
    public <T> T exchange(Destination destination, OutboundRequest request, ErrorMapping errors,
            Function<OutboundResponse, T> onSuccess) {
        return exchange(destination, request, errors, onSuccess, Optional::empty);
    }

    /**
     * Sends {@code request} until an answer is accepted, rejected, or the attempts run out.
     *
     * @param onSuccess  turns an accepted answer into the result
     * @param beforeRetry asked before every attempt after the first: a result here means the lost
     *                   earlier attempt took effect (an incident created, a note written) and ends the call
     */
    public <T> T exchange(Destination destination, OutboundRequest request, ErrorMapping errors,
            Function<OutboundResponse, T> onSuccess, Supplier<Optional<T>> beforeRetry) {
        OutboundSettings.RetrySettings bounds = settings.retry();
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(bounds.initialBackoff(), 2.0,
                bounds.maxBackoff());
        String name = destination.system() + " " + request.description();
        RetryConfig config = RetryConfig.<Attempt<T>>custom()
                .maxAttempts(bounds.maxAttempts())
                .retryOnResult(attempt -> attempt instanceof Failed<T>)
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .intervalBiFunction((attempt, outcome) -> {
                    Failed<T> failed = (Failed<T>) outcome.get();
                    long wait = failed.waitsAtOnce() ? 0 : backoff.apply(attempt);
                    log.warn("{}: {}; attempt {} of {}, retrying in {} ms", name, failed.failure(), attempt,
                            bounds.maxAttempts(), wait);
                    return wait;
                })
                .build();
        AtomicInteger attempts = new AtomicInteger();
        Attempt<T> last = Retry.of(name, config).executeSupplier(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt > 1) {
                Optional<T> done = beforeRetry.get();
                if (done.isPresent()) {
                    return new Done<>(done.get());
                }
            }
            return attempt(destination, request, errors, onSuccess, attempt >= bounds.maxAttempts());
        });
        if (last instanceof Done<T> done) {
            return done.value();
        }
        Failed<T> failed = (Failed<T>) last;
        throw errors.unavailable(name + " failed after " + attempts.get() + " attempts, last: " + failed.failure(),
                failed.response(), failed.cause());
    }

    private sealed interface Attempt<T> permits Done, Failed {
    }

    private record Done<T>(T value) implements Attempt<T> {
    }

    /** A retryable outcome: an answer ({@code response}) or none ({@code cause}). */
    private record Failed<T>(String failure, OutboundResponse response, Throwable cause, boolean waitsAtOnce)
            implements Attempt<T> {
    }

    private <T> Attempt<T> attempt(Destination destination, OutboundRequest request, ErrorMapping errors,
            Function<OutboundResponse, T> onSuccess, boolean lastAttempt) {
        OutboundSettings.RetrySettings bounds = settings.retry();
        destinations.awaitOpen(destination, bounds.maxRetryAfter(), errors);
        // Outside the try: a credential fetched here fails with the adapter's own exception, not as transport.
        HttpHeaders headers = new HttpHeaders();
        request.headers().accept(headers);
        OutboundResponse response;
        try {
            response = send(request, headers);
        } catch (RuntimeException e) {
            Throwable failure = Exceptions.unwrap(e);
            if (!isTransportFailure(failure)) {
                throw e;
            }
            return new Failed<>(describe(failure, destination, request), null, failure, false);
        }
        int status = response.status();
        Optional<Instant> hold = rateLimit(destination, request, response, errors);
        if (status == 429 || status >= 500) {
            return new Failed<>("HTTP " + status + errors.describe(response), response, null, hold.isPresent());
        }
        Verdict verdict = errors.judge(request, response, lastAttempt);
        return switch (verdict.kind) {
            case ACCEPT -> new Done<>(onSuccess.apply(response));
            case RETRY -> new Failed<>(verdict.failure, response, null, false);
            case RETRY_AT_ONCE -> new Failed<>(verdict.failure, response, null, true);
            case REJECT -> throw verdict.exception;
            case GONE -> {
                destinations.markGone(destination, "HTTP " + status + errors.describe(response), response);
                throw verdict.exception;
            }
        };
    }

    /**
     * Records a hold the answer asks for; the next attempt (this call's or any other's) waits it out
     * in {@link DestinationStates#awaitOpen}. A hold longer than {@code max-retry-after} on a 429 or
     * 503 ends this call at once.
     */
    private Optional<Instant> rateLimit(Destination destination, OutboundRequest request, OutboundResponse response,
            ErrorMapping errors) {
        Instant now = timing.now();
        Optional<Instant> hold = RateLimits.holdUntil(response, now);
        if (response.status() == 429) {
            log.warn("{} {} rate limited: {}", destination.system(), request.description(),
                    RateLimits.describe(response.headers()));
        }
        if (hold.isEmpty()) {
            return hold;
        }
        destinations.hold(destination, hold.get(), response);
        Duration wait = Duration.between(now, hold.get());
        Duration max = settings.retry().maxRetryAfter();
        if ((response.status() == 429 || response.status() == 503) && wait.compareTo(max) > 0) {
            String answer = response.status() == 429 ? "rate limited (429)" : "unavailable (" + response.status() + ")";
            throw errors.unavailable(destination.system() + " " + request.description() + " " + answer + ": "
                    + "Retry-After " + RateLimits.seconds(wait) + " s is longer than the " + max.toSeconds()
                    + " s opsflow waits in-process" + errors.describe(response), response, null);
        }
        return hold;
    }

    private OutboundResponse send(OutboundRequest request, HttpHeaders headers) {
        WebClient.RequestBodySpec spec = webClient.method(request.method()).uri(request.uri())
                .headers(h -> h.addAll(headers));
        WebClient.RequestHeadersSpec<?> withBody = spec;
        if (request.body() != null) {
            withBody = spec.contentType(request.contentType()).bodyValue(request.body());
        }
        ResponseEntity<byte[]> entity = withBody.exchangeToMono(response -> response.toEntity(byte[].class))
                .timeout(deadline).block();
        return new OutboundResponse(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody());
    }

    /** The root cause's type and message; for a secret destination with its URL cut out. */
    private String describe(Throwable failure, Destination destination, OutboundRequest request) {
        if (failure instanceof TimeoutException) {
            return "no complete answer within " + deadline.toMillis() + " ms";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Netty's ReadTimeoutException, raised by the response timeout, has no message of its own.
        String message = root.getMessage() == null ? "" : ": " + redact(root.getMessage(), destination, request);
        return root.getClass().getSimpleName() + message;
    }

    private static String redact(String text, Destination destination, OutboundRequest request) {
        if (!destination.secretUrl()) {
            return text;
        }
        String redacted = text.replace(request.uri().toString(), destination.name());
        String path = request.uri().getRawPath();
        return path == null || path.length() < 2 ? redacted : redacted.replace(path, "/<" + destination.name() + ">");
    }

    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebClientRequestException || t instanceof TimeoutException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
