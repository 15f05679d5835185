package io.opsflow.api;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;
import io.opsflow.validation.JsonPaths;

/** Every error of our own APIs as {@code application/problem+json} that names the problem. */
@RestControllerAdvice(basePackages = "io.opsflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() == 1 ? e.problems().get(0).toString() : Messages.caller().text("api.invalidFields", e.problems().size()));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * A passing fault (database unreachable, pool exhausted, lock timeout) rolled the request back
     * whole: 503 with Retry-After asks the sender to send it again. Anything else stays a 500.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        if (!TransientFailures.isTransient(e)) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "opsflow's database did not answer in time; nothing was recorded. Send the request again after "
                        + TransientFailures.RETRY_AFTER_SECONDS + " seconds");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(TransientFailures.RETRY_AFTER_SECONDS)).body(problem);
    }

    /** Malformed or mistyped JSON: say where, instead of Spring's generic "failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed JSON");
        if (e.getCause() instanceof JsonMappingException mapping) {
            String field = JsonPaths.of(mapping.getPath());
            problem.setDetail((field.isEmpty() ? "" : field + ": ") + mapping.getOriginalMessage());
            problem.setProperty("errors", List.of(new FieldProblem(field, mapping.getOriginalMessage())));
        } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
            problem.setDetail(parse.getOriginalMessage() + " at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr());
        } else {
            problem.setDetail("The request body is missing or is not JSON");
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
