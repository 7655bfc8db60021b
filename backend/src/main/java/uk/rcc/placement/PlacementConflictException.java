package uk.rcc.placement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The decision cannot be made as things stand now (for example the last place was just taken): a 409 problem. */
public class PlacementConflictException extends ErrorResponseException {
    private final String message;

    public PlacementConflictException(String message) {
        super(HttpStatus.CONFLICT, problem(message), null);
        this.message = message;
    }

    private static ProblemDetail problem(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
        problem.setTitle("Conflict");
        return problem;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
