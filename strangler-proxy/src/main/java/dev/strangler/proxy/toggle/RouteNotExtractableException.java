package dev.strangler.proxy.toggle;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A flip away from LEGACY on a route that has no extracted service configured. */
public class RouteNotExtractableException extends ErrorResponseException {

    public RouteNotExtractableException(String route) {
        super(HttpStatus.CONFLICT, ProblemTypes.problem(HttpStatus.CONFLICT, ProblemTypes.ROUTE_NOT_EXTRACTABLE,
                "Route has no extracted service", "Route '" + route + "' has no extracted-uri, so it can only "
                        + "be LEGACY"), null);
        getBody().setProperty("route", route);
    }
}
