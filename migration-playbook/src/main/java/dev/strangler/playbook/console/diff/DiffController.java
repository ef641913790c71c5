package dev.strangler.playbook.console.diff;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.console.PartApis;
import dev.strangler.playbook.console.login.ConsoleUser;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The shadow diff: per route, the mismatch groups with an example's two answers side by side, the noise the proxy
 * learned, and "ignore this path", which the proxy keeps in its toggle log.
 */
@Controller
class DiffController {

    private final PartApis apis;

    DiffController(PartApis apis) {
        this.apis = apis;
    }

    @GetMapping("/diff")
    String routes(@RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, Model model,
                  @RequestHeader(value = "X-Console-Live", required = false) String live) {
        model.addAttribute("reports", apis.proxyAdmin(user).get("/admin/parity").valueStream()
                .map(ParityRow::of).toList());
        model.addAttribute("page", "diff");
        return live != null ? "diff :: live" : "diff";
    }

    @GetMapping("/diff/{route}")
    String route(@PathVariable String route, @RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, Model model,
                 @RequestHeader(value = "X-Console-Live", required = false) String live) {
        JsonNode report = apis.proxyAdmin(user).get("/admin/routes/" + route + "/parity");
        JsonNode view = apis.proxyAdmin(user).get("/admin/routes/" + route);
        model.addAttribute("route", route);
        model.addAttribute("summary", ParityRow.of(report));
        model.addAttribute("groups", report.path("mismatchGroups").valueStream().map(MismatchView::of).toList());
        model.addAttribute("noise", report.path("noise").valueStream().toList());
        model.addAttribute("ignored", view.path("ignoredPaths").valueStream().map(JsonNode::asString).toList());
        model.addAttribute("page", "diff");
        return live != null ? "route-diff :: live" : "route-diff";
    }

    @PostMapping("/diff/{route}/ignore")
    String ignore(@PathVariable String route, @RequestParam(defaultValue = "") String path,
                  @RequestAttribute(ConsoleUser.ATTRIBUTE) ConsoleUser user, RedirectAttributes redirect) {
        if (!path.strip().startsWith("$")) {
            redirect.addFlashAttribute("error", "Only a JSON path (starting with $) can be ignored; nothing was "
                    + "changed.");
            return "redirect:/diff/" + route;
        }
        try {
            apis.proxyAdmin(user).post("/admin/routes/" + route + "/flips", Map.of("ignorePath", path.strip(),
                    "reason", "marked as noise in the console's diff view", "by", "console"));
            redirect.addFlashAttribute("notice", path.strip() + " is now left out of " + route
                    + "'s shadow comparison (recorded in its audit history).");
        } catch (KitException refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + ". Nothing was changed.");
        }
        return "redirect:/diff/" + route;
    }
}
