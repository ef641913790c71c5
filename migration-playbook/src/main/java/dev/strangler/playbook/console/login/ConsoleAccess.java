package dev.strangler.playbook.console.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every page and action needs a token the proxy accepts now (asked at each request, so a revoked token stops at
 * once); every POST needs the form's CSRF token. What fails gets a page that says why and changes nothing.
 */
@Component
public class ConsoleAccess implements HandlerInterceptor {

    /** Sent by the pages' live refresh, which wants a status it can act on rather than the login page. */
    public static final String LIVE_HEADER = "X-Console-Live";

    private final TokenCheck tokens;
    private final CsrfTokens csrf;

    ConsoleAccess(TokenCheck tokens, CsrfTokens csrf) {
        this.tokens = tokens;
        this.csrf = csrf;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, ServletException {
        Optional<String> token = TokenCookie.read(request).filter(value -> !value.isBlank());
        if (token.isEmpty()) {
            return refuse(request, response, "/login");
        }
        Optional<ConsoleUser> user;
        try {
            user = tokens.identify(token.get());
        } catch (TokenCheck.ProxyUnreachableException e) {
            request.setAttribute(ConsoleErrors.MESSAGE, "The console cannot check your token: " + e.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            request.getRequestDispatcher("/problem").forward(request, response);
            return false;
        }
        if (user.isEmpty()) {
            TokenCookie.clear(request, response);
            return refuse(request, response, "/login?stale");
        }
        if ("POST".equals(request.getMethod()) && !csrf.matches(token.get(), request.getParameter(CsrfTokens.FIELD))) {
            request.setAttribute(ConsoleErrors.MESSAGE, "This request did not come from one of the console's own "
                    + "pages (its CSRF token is missing or wrong), so nothing was changed. Reload the page and try "
                    + "again.");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.getRequestDispatcher("/problem").forward(request, response);
            return false;
        }
        request.setAttribute(ConsoleUser.ATTRIBUTE, user.get());
        return true;
    }

    private static boolean refuse(HttpServletRequest request, HttpServletResponse response, String login)
            throws IOException, ServletException {
        if (request.getHeader(LIVE_HEADER) != null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value()); // the page's script goes to the login
        } else {
            response.sendRedirect(login);
        }
        return false;
    }
}
