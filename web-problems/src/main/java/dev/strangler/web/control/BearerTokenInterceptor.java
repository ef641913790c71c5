package dev.strangler.web.control;

import dev.strangler.control.Access;
import dev.strangler.control.ControlTokens;
import dev.strangler.web.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A servlet part's control API (the bridge's operations, a service's ownership) behind the kit's named tokens: no
 * or an unknown token is 401, a viewer's write 403, both before the handler runs, so nothing changes. The granted
 * token's name is left in the {@link ControlTokens#NAME_ATTRIBUTE} request attribute for the audit. A refusal is
 * thrown as a problem so the part's one controller advice shapes it.
 */
public final class BearerTokenInterceptor implements HandlerInterceptor {

    private final ControlTokens tokens;
    private final String realm;
    private final String api;

    /**
     * @param tokens the tokens the API accepts (none: every call is 401)
     * @param realm  the {@code WWW-Authenticate} realm, e.g. {@code cdc-bridge-operations}
     * @param api    the API as the problem's detail names it, e.g. {@code The operations API}
     */
    public BearerTokenInterceptor(ControlTokens tokens, String realm, String api) {
        this.tokens = tokens;
        this.realm = realm;
        this.api = api;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Access access = tokens.check(request.getHeader(HttpHeaders.AUTHORIZATION), request.getMethod());
        switch (access.outcome()) {
            case GRANTED -> {
                request.setAttribute(ControlTokens.NAME_ATTRIBUTE, access.name());
                return true;
            }
            case FORBIDDEN -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"" + realm + "\", error=\"insufficient_scope\"");
                throw refusal(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", api + " lets the token '"
                        + access.name() + "' read only: " + request.getMethod() + " needs an operator token");
            }
            default -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
                throw refusal(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                        api + " needs Authorization: Bearer <token> with one of the kit's control tokens");
            }
        }
    }

    private static ErrorResponseException refusal(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
