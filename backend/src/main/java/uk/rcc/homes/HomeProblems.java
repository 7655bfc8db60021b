package uk.rcc.homes;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem details home management answers with: 400 naming each field, 404, 409 saying what happened. */
public final class HomeProblems {
    private HomeProblems() {}

    public static ErrorResponseException invalid(List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The home is not valid; nothing was changed. " + errors.size() + " error(s).");
        problem.setTitle("Invalid home");
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    public static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
