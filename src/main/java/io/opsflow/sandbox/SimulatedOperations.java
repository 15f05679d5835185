package io.opsflow.sandbox;

import static io.opsflow.sandbox.ArmAnswers.armError;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code Azure-AsyncOperation}s of the simulated Microsoft.Support: what a ticket or message PUT
 * answers (202 with the status URLs) and what polling them answers. Used under
 * {@link SimulatedSupport}'s lock.
 */
final class SimulatedOperations {

    /** An {@code Azure-AsyncOperation}: in progress for at least one poll and until {@code doneAt}. */
    private static final class Operation {
        final String id;
        final String subscription;
        final Instant start;
        final Instant doneAt;
        final String errorCode;
        final String errorMessage;
        int polls;

        Operation(String id, String subscription, Instant start, Instant doneAt, String errorCode, String errorMessage) {
            this.id = id;
            this.subscription = subscription;
            this.start = start;
            this.doneAt = doneAt;
            this.errorCode = errorCode;
            this.errorMessage = errorMessage;
        }
    }

    private final Duration delay;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    SimulatedOperations(Duration delay) {
        this.delay = delay;
    }

    /** The operation's status: in progress at the first poll and until it is due, then its outcome. */
    ResponseEntity<?> status(String id, Instant now) {
        Operation operation = operations.get(id);
        if (operation == null) {
            return armError(HttpStatus.NOT_FOUND, "ResourceNotFound", "Operation '" + id + "' was not found.");
        }
        boolean done = operation.polls++ > 0 && !now.isBefore(operation.doneAt);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", "/subscriptions/" + operation.subscription + "/providers/Microsoft.Support/operationsStatus/" + id);
        status.put("name", id);
        status.put("status", !done ? "InProgress" : operation.errorCode == null ? "Succeeded" : "Failed");
        status.put("startTime", SimulatedSupport.time(operation.start));
        if (done) {
            status.put("endTime", SimulatedSupport.time(operation.doneAt));
        }
        if (done && operation.errorCode != null) {
            status.put("error", Map.of("code", operation.errorCode, "message", operation.errorMessage));
        }
        return done ? ResponseEntity.ok(status) : ResponseEntity.ok().header(HttpHeaders.RETRY_AFTER, "1").body(status);
    }

    /** A 202 for a PUT that ends {@code delay} from now: succeeded, or failed with the error given. */
    ResponseEntity<?> accept(String subscription, Instant now, String errorCode, String errorMessage) {
        String id = UUID.randomUUID().toString();
        operations.put(id, new Operation(id, subscription, now, now.plus(delay), errorCode, errorMessage));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path(ArmSimulator.PREFIX + "/subscriptions/{s}/providers/Microsoft.Support/")
                .buildAndExpand(subscription).toUriString();
        return ResponseEntity.accepted()
                .header("Azure-AsyncOperation", base + "operationsStatus/" + id + "?api-version=" + SimulatedSupport.API_VERSION)
                .header(HttpHeaders.LOCATION, base + "operationResults/" + id + "?api-version=" + SimulatedSupport.API_VERSION)
                .header(HttpHeaders.RETRY_AFTER, "1").build();
    }
}
