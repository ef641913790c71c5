package dev.strangler.playbook.console.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form: a control token in, checked by the proxy, kept in the {@link TokenCookie}. The form carries a
 * one-time value also set as a strict cookie, so another site cannot sign a browser in with a token of its own.
 */
@Controller
class LoginController {

    private static final String LOGIN_COOKIE = "kit_console_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenCheck tokens;

    LoginController(TokenCheck tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/login")
    String form(HttpServletRequest request, HttpServletResponse response, Model model,
                @RequestParam Optional<String> stale, @RequestParam Optional<String> out) {
        if (stale.isPresent()) {
            model.addAttribute("message", "Your token is no longer accepted by the proxy (it was rotated or revoked). "
                    + "Log in with a current one.");
        } else if (out.isPresent()) {
            model.addAttribute("message", "Logged out.");
        }
        return form(request, response, model);
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String nonce,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        String expected = TokenCookie.read(request, LOGIN_COOKIE).orElse(null);
        if (expected == null || !expected.equals(nonce)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("message", "This login did not come from the console's own login page; try again.");
            return form(request, response, model);
        }
        Optional<ConsoleUser> user;
        try {
            user = tokens.identify(token.strip());
        } catch (TokenCheck.ProxyUnreachableException e) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("message", "The console cannot check tokens right now: " + e.getMessage());
            return form(request, response, model);
        }
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("message", token.isBlank() ? "Enter a control token."
                    : "The proxy does not accept that token. Use the kit's admin token (kit up prints where it is) "
                    + "or a named control token.");
            return form(request, response, model);
        }
        TokenCookie.write(request, response, user.get().token());
        return "redirect:/routes";
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        TokenCookie.clear(request, response);
        return "redirect:/login?out";
    }

    private String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LOGIN_COOKIE, nonce).httpOnly(true)
                .sameSite("Strict").secure(request.isSecure()).path("/login").build().toString());
        model.addAttribute("nonce", nonce);
        return "login";
    }
}
