/**
 * The one way opsflow calls an outside system over HTTP, except Azure Resource Manager (which goes
 * through azure-core's own pipeline in {@code io.opsflow.azure}).
 *
 * <p>{@link io.opsflow.outbound.OutboundClient} owns what every adapter needs and no adapter should
 * write again: connect/read timeouts, bounded retry with exponential back-off (resilience4j-retry),
 * {@code Retry-After} (seconds or HTTP date) and rate-limit headers, transport failures, and the state
 * of each {@link io.opsflow.outbound.Destination} (held after a 429, gone after the adapter says so),
 * kept in a {@link io.opsflow.outbound.DestinationStore}: the database every node shares.
 * An adapter brings its operations and an {@link io.opsflow.outbound.ErrorMapping} that turns answers
 * into its typed exceptions; its settings implement {@link io.opsflow.outbound.OutboundSettings}, so
 * every system is configured with the same words ({@code opsflow.<system>.connect-timeout},
 * {@code read-timeout}, {@code retry.max-attempts}, {@code retry.initial-backoff},
 * {@code retry.max-backoff}, {@code retry.max-retry-after}).
 */
package io.opsflow.outbound;
