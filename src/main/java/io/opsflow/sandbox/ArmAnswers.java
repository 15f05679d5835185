package io.opsflow.sandbox;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The error envelopes the sandbox's ARM answers with, as the services document them. */
final class ArmAnswers {

    private ArmAnswers() {
    }

    static ResponseEntity<?> armError(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("code", code, "message", message)));
    }

    static ResponseEntity<?> notAllowed(HttpMethod method) {
        return armError(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", method + " is not allowed here");
    }

    /** Automation's own operations answer with a flat error body. */
    static ResponseEntity<?> automationError(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("code", code, "message", message));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
