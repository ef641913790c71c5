package dev.strangler.playbook.console.routes;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.console.ConsoleSettings;
import dev.strangler.playbook.console.PartApis;
import dev.strangler.playbook.console.login.ConsoleUser;
import dev.strangler.playbook.metrics.PrometheusScrape;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** The routes page: every route's mode and figures, and the flip form. */
@Controller
class RoutesController {

    private final PartApis apis;
    private final ConsoleSettings settings;

    RoutesController(PartApis apis, ConsoleSettings settings) {
        this.apis = apis;
        this.settings = settings;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/routes";
    }

    @GetMapping("/routes")
    String routes(@RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, Model model,
                  @RequestHeader(value = "X-Console-Live", required = false) String live) {
        model.addAttribute("routes", rows(user));
        model.addAttribute("page", "routes");
        return live != null ? "routes :: live" : "routes";
    }

    @PostMapping("/routes/flip")
    String flip(@RequestParam(name = "route", defaultValue = "") String name, @ModelAttribute FlipForm form,
                @RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, Model model, RedirectAttributes redirect) {
        String problem = form.problem();
        if (problem != null) {
            redirect.addFlashAttribute("error", name + ": " + problem + " Nothing was changed.");
            return "redirect:/routes";
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            redirect.addFlashAttribute("error", "There is no route named '" + name + "'. Nothing was changed.");
            return "redirect:/routes";
        }
        RouteRow route;
        try {
            route = RouteRow.of(apis.proxyAdmin(user).get("/admin/routes/" + name), ProxyFigures.none());
        } catch (KitException unknown) {
            redirect.addFlashAttribute("error", unknown.getMessage() + ". Nothing was changed.");
            return "redirect:/routes";
        }
        if (route.servesWrites() && !form.confirmedByPerson()) {
            model.addAttribute("route", route);
            model.addAttribute("form", form);
            model.addAttribute("consequences", form.consequences(route));
            model.addAttribute("page", "routes");
            return "confirm";
        }
        try {
            JsonNode view = apis.proxyAdmin(user).post("/admin/routes/" + name + "/flips", form.body("console"));
            redirect.addFlashAttribute("notice", name + " is now " + view.path("mode").asString()
                    + ("CANARY".equals(view.path("mode").asString()) ? " " + view.path("percent").asDouble() + " %" : "")
                    + " (version " + view.path("version").asLong() + ", by " + user.name() + ").");
        } catch (KitException refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was changed.");
        }
        return "redirect:/routes";
    }

    private List<RouteRow> rows(ConsoleUser user) {
        JsonNode routes = apis.proxyAdmin(user).get("/admin/routes");
        ProxyFigures figures = PrometheusScrape.of(settings.proxyAdmin() + "/actuator/prometheus", user.token())
                .map(ProxyFigures::new).orElse(ProxyFigures.none());
        return routes.valueStream().map(view -> RouteRow.of(view, figures)).toList();
    }
}
