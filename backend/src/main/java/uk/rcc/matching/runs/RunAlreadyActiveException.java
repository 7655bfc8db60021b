package uk.rcc.matching.runs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Only one co-operative run may be queued or running at a time: a 409 problem naming what to do. */
public class RunAlreadyActiveException extends ErrorResponseException {
    private static final String DETAIL =
            "A matching run is already in progress. Wait for it to finish or stop it first.";

    public RunAlreadyActiveException() {
        super(HttpStatus.CONFLICT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, DETAIL);
        problem.setTitle("A run is already in progress");
        return problem;
    }

    @Override
    public String getMessage() {
        return DETAIL;
    }
}
