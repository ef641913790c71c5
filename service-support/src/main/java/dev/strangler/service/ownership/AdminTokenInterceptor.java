package dev.strangler.service.ownership;

import dev.strangler.web.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code /admin/**} needs {@code Authorization: Bearer <token>}, compared in constant time. Without a configured
 * token the admin API stays closed. A refusal is thrown as a problem so the one controller advice shapes it.
 */
class AdminTokenInterceptor implements HandlerInterceptor {

    private final byte[] token;
    private final String realm;

    AdminTokenInterceptor(OwnershipProperties properties) {
        this.token = properties.adminToken().getBytes(StandardCharsets.UTF_8);
        this.realm = properties.subject() + "-service-admin";
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The admin API needs Authorization: Bearer <token> with the service's admin token");
            problem.setType(ProblemTypes.UNAUTHORIZED);
            problem.setTitle("Unauthorized");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return true;
    }

    private boolean authorized(String header) {
        if (token.length == 0 || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
    }
}
