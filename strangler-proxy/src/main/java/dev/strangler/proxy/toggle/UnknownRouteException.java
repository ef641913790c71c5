package dev.strangler.proxy.toggle;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The admin API was asked about a route that is not in the route table. */
public class UnknownRouteException extends ErrorResponseException {

    public UnknownRouteException(String route) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.ROUTE_NOT_FOUND,
                "Route not found", "No route named '" + route + "' in the route table"), null);
        getBody().setProperty("route", route);
    }
}
