package dev.strangler.playbook.console;

import dev.strangler.playbook.console.login.ConsoleUser;
import dev.strangler.playbook.console.login.CsrfTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: who is signed in, and the CSRF token its forms carry. */
@ControllerAdvice
class ConsoleModel {

    private final CsrfTokens csrf;

    ConsoleModel(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    @ModelAttribute("user")
    ConsoleUser user(HttpServletRequest request) {
        return (ConsoleUser) request.getAttribute(ConsoleUser.ATTRIBUTE);
    }

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        ConsoleUser user = (ConsoleUser) request.getAttribute(ConsoleUser.ATTRIBUTE);
        return user == null ? "" : csrf.of(user.token());
    }
}
