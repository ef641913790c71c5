package dev.strangler.playbook.console.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page that says why a request was refused; reached by forward only, with the message as an attribute. */
@Controller
public class ConsoleErrors {

    public static final String MESSAGE = "dev.strangler.console.message";

    @RequestMapping("/problem")
    String problem(HttpServletRequest request, Model model) {
        Object message = request.getAttribute(MESSAGE);
        model.addAttribute("message", message != null ? message : "Nothing here.");
        return "problem";
    }
}
