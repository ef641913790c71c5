package dev.strangler.playbook.console.login;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The signed-in token, kept in a cookie that scripts cannot read ({@code HttpOnly}) and that the browser sends
 * only with requests from the console's own pages ({@code SameSite=Strict}); {@code Secure} when served over TLS.
 */
public final class TokenCookie {

    public static final String NAME = "kit_console_token";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private TokenCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        return read(request, NAME);
    }

    /** The value of the request's cookie called {@code name}. */
    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> name.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, LIFETIME).toString());
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").secure(request.isSecure())
                .path("/").maxAge(maxAge).build();
    }
}
