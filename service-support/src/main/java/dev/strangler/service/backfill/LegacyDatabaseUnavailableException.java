package dev.strangler.service.backfill;

import dev.strangler.web.problem.ProblemTypes;
import java.sql.SQLException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: the legacy database did not open a snapshot for the bulk backfill (away, or the account refused). */
class LegacyDatabaseUnavailableException extends ErrorResponseException {

    LegacyDatabaseUnavailableException(SQLException cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(cause), cause);
    }

    private static ProblemDetail problem(SQLException cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The legacy database did not open a snapshot for the bulk backfill: " + cause.getMessage());
        problem.setType(ProblemTypes.LEGACY_DATABASE_UNAVAILABLE);
        problem.setTitle("Legacy database unavailable");
        return problem;
    }
}
