package uk.rcc.system;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.rcc.exchange.InvalidDatasetException;

/** Every API error is an RFC 9457 problem detail; no stack trace ever reaches a client. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Bean validation failures name every field and what is wrong with it. */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException e,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setTitle("Invalid request");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(error -> error.getField() + ": " + error.getDefaultMessage())
                        .sorted()
                        .toList());
        return org.springframework.http.ResponseEntity.badRequest().body(problem);
    }

    /** Unreadable JSON: where and why, without the stack trace or the application's class names. */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(e));
        problem.setTitle("Unreadable request body");
        return org.springframework.http.ResponseEntity.badRequest().body(problem);
    }

    static String unreadableBody(Throwable e) {
        if (e.getCause() instanceof tools.jackson.databind.DatabindException json) {
            String field = json.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .collect(java.util.stream.Collectors.joining("."));
            return "The request body is not valid for this request" + (field.isEmpty() ? "" : " at '" + field + "'")
                    + ": " + withoutClassNames(json.getOriginalMessage());
        }
        if (e.getCause() instanceof tools.jackson.core.JacksonException json) {
            return "The request body is not valid JSON: " + withoutClassNames(json.getOriginalMessage());
        }
        return "The request body is missing or cannot be read.";
    }

    /** {@code uk.rcc.placement.PlacementController$PlacementRequest} becomes {@code PlacementRequest}. */
    private static String withoutClassNames(String message) {
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        String simple = firstLine
                .replaceAll("(?:[a-z_][\\w]*\\.)+(?:[A-Z][\\w]*\\$)*([A-Z][\\w]*)", "$1")
                .replaceAll("\\(\\w*Exception\\)\\s*", "");
        return simple.length() > 300 ? simple.substring(0, 300) + "…" : simple;
    }

    @ExceptionHandler(InvalidDatasetException.class)
    ProblemDetail invalidDataset(InvalidDatasetException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The data set was rejected whole; nothing was changed. "
                        + e.errors().size() + " error(s).");
        problem.setTitle("Invalid data set");
        problem.setType(URI.create("urn:rcc:problem:invalid-dataset"));
        problem.setProperty("errors", e.errors().stream().map(Object::toString).toList());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You do not have access to this.");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering an API request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. The error has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }
}
